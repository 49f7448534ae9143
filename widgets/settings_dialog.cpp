#include "widgets/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>
#include <type_traits>

#include "core/input_error.h"
#include "widgets/setting_texts.h"

namespace isl::gui {

namespace {

// Tabs by the first setting of each group in the settings table (config.h's order).
struct Group {
  const char* first_field;
  const char* title;
};
const Group kGroups[] = {{"data_kind", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Data")},
                         {"arch", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Network")},
                         {"rounds", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Schedule")},
                         {"temperature", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Loss")},
                         {"learning_rate", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Optimiser")},
                         {"gan_learning_rate", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Proxy GAN")},
                         {"proxy_samples", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Mining")},
                         {"knn_k", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Evaluation")},
                         {"device", QT_TRANSLATE_NOOP("isl::gui::SettingsDialog", "Execution")}};

// The translated label and help of a setting; one the text table lacks yet shows its name and
// core's English help.
SettingText text_of(const ConfigField& field) {
  if (auto text = setting_text(QString::fromLatin1(field.name))) return *text;
  QString label = QString::fromLatin1(field.name).replace('_', ' ');
  label[0] = label[0].toUpper();
  return {label, QString::fromUtf8(field.help)};
}

int decimals_for(double minimum, double value) {
  const double smallest = std::min(minimum > 0 ? minimum : 1.0, value > 0 ? value : 1.0);
  return std::clamp(int(std::ceil(-std::log10(smallest))) + 2, 2, 10);
}

}  // namespace

SettingsDialog::SettingsDialog(const Config& initial, QWidget* parent, Purpose purpose)
    : QDialog(parent), initial_(initial), purpose_(purpose) {
  const bool continuing = purpose == Purpose::ContinueRun;
  setWindowTitle(continuing ? tr("Change settings and continue") : tr("New run"));
  auto* tabs = new QTabWidget(this);
  QFormLayout* form = nullptr;
  Config editable = initial;
  for_each_field(editable, [&](auto& value, const ConfigField& field) {
    using T = std::decay_t<decltype(value)>;
    for (const Group& group : kGroups)
      if (std::string(field.name) == group.first_field) {
        auto* page = new QWidget;
        form = new QFormLayout(page);
        auto* scroll = new QScrollArea;
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        tabs->addTab(scroll, tr(group.title));
      }
    const auto offset = reinterpret_cast<const char*>(&value) - reinterpret_cast<const char*>(&editable);
    auto member = [offset](Config& c) -> T& { return *reinterpret_cast<T*>(reinterpret_cast<char*>(&c) + offset); };
    QWidget* editor = nullptr;
    if constexpr (std::is_same_v<T, std::string>) {
      if (!field.choices.empty()) {
        auto* box = new QComboBox;
        for (const auto& choice : field.choices) box->addItem(QString::fromStdString(choice));
        box->setCurrentText(QString::fromStdString(value));
        readers_.push_back([box, member](Config& c) { member(c) = box->currentText().toStdString(); });
        editor = box;
      } else {
        auto* line = new QLineEdit(QString::fromStdString(value));
        if (std::string(field.name) == "data_path") line->setPlaceholderText(tr("built-in MNIST digits"));
        readers_.push_back([line, member](Config& c) { member(c) = line->text().toStdString(); });
        editor = line;
      }
    } else if constexpr (std::is_same_v<T, bool>) {
      auto* box = new QCheckBox;
      box->setChecked(value);
      readers_.push_back([box, member](Config& c) { member(c) = box->isChecked(); });
      editor = box;
    } else if constexpr (std::is_same_v<T, double>) {
      auto* box = new QDoubleSpinBox;
      box->setDecimals(decimals_for(field.minimum, value));
      box->setRange(field.minimum, std::isfinite(field.maximum) ? field.maximum : 1e12);
      box->setValue(value);
      box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
      readers_.push_back([box, member](Config& c) { member(c) = box->value(); });
      editor = box;
    } else if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
      QStringList sizes;
      for (auto size : value) sizes << QString::number(size);
      auto* line = new QLineEdit(sizes.join(", "));
      line->setPlaceholderText(tr("comma-separated whole numbers"));
      readers_.push_back([line, member](Config& c) {
        member(c).clear();
        for (const QString& part : line->text().split(',', Qt::SkipEmptyParts)) {
          bool ok = false;
          const qlonglong size = part.trimmed().toLongLong(&ok);
          if (!ok) throw InputError("precision_set_sizes", "'" + part.trimmed().toStdString() + "' is not a whole number");
          member(c).push_back(size);
        }
      });
      editor = line;
    } else {
      // Whole numbers; ranges beyond int use a double box with no decimals.
      if (field.maximum <= 2147483647.0) {
        auto* box = new QSpinBox;
        box->setRange(int(field.minimum), int(field.maximum));
        box->setValue(int(value));
        readers_.push_back([box, member](Config& c) { member(c) = T(box->value()); });
        editor = box;
      } else {
        auto* box = new QDoubleSpinBox;
        box->setDecimals(0);
        box->setRange(field.minimum, field.maximum);
        box->setValue(double(value));
        readers_.push_back([box, member](Config& c) { member(c) = T(std::llround(box->value())); });
        editor = box;
      }
    }
    editor->setObjectName(field.name);
    const SettingText text = text_of(field);
    editor->setToolTip(QString("<b>%1</b><br>%2").arg(field.name, text.help.toHtmlEscaped()));
    auto* label = new QLabel(text.label);
    if (continuing && field.fixed_for_the_run) {
      editor->setEnabled(false);
      label->setEnabled(false);
      editor->setToolTip(editor->toolTip() + "<br><i>" +
                         tr("Fixed for this run: its saved network, memory bank and positive sets depend on this "
                            "setting, and changing it would make them meaningless. Start a new run to change it.")
                             .toHtmlEscaped() +
                         "</i>");
    }
    label->setToolTip(editor->toolTip());
    editors_[field.name] = editor;
    form->addRow(label, editor);
  });

  directory_ = new QLineEdit(this);
  directory_->setObjectName("runDirectory");
  auto* browse = new QPushButton(tr("Browse…"), this);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder for the new run"), directory_->text());
    if (!chosen.isEmpty()) directory_->setText(chosen);
  });
  if (continuing) {
    // The run's own directory: shown as text that can be copied, not as a field to edit.
    directory_->setReadOnly(true);
    directory_->setFrame(false);
    directory_->setStyleSheet("QLineEdit { background: transparent; }");
    browse->hide();
  }
  auto* directory_row = new QHBoxLayout;
  directory_row->addWidget(new QLabel(tr("Run directory"), this));
  directory_row->addWidget(directory_, 1);
  directory_row->addWidget(browse);

  problem_ = new QLabel(this);
  problem_->setObjectName("settingsProblem");
  problem_->setStyleSheet("color: #c5221f");
  problem_->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(continuing ? tr("Continue run") : tr("Create run"));
  connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  auto* layout = new QVBoxLayout(this);
  if (continuing) {
    auto* intro = new QLabel(tr("The run continues from its last checkpoint with these settings. The greyed-out "
                                "settings are fixed for this run: its saved state depends on them."),
                             this);
    intro->setObjectName("continueIntro");
    intro->setWordWrap(true);
    layout->addWidget(intro);
  }
  layout->addWidget(tabs, 1);
  layout->addLayout(directory_row);
  layout->addWidget(problem_);
  layout->addWidget(buttons);
  // Wide enough that every tab's title shows (Execution, last, holds the device).
  resize(std::max(640, tabs->tabBar()->sizeHint().width() + 40), 520);
}

Config SettingsDialog::config() const {
  Config config;
  for (const auto& read : readers_) read(config);
  return config;
}

QString SettingsDialog::runDirectory() const { return directory_->text(); }
void SettingsDialog::setRunDirectory(const QString& directory) { directory_->setText(directory); }

QWidget* SettingsDialog::editor(const QString& name) const {
  auto found = editors_.find(name);
  return found == editors_.end() ? nullptr : found->second;
}

void SettingsDialog::accept() {
  try {
    validate(config(), tr("settings").toStdString());
    if (purpose_ == Purpose::ContinueRun) check_resumable_change(initial_, config(), tr("settings").toStdString());
    if (directory_->text().trimmed().isEmpty()) throw InputError(tr("Run directory").toStdString(), tr("is empty").toStdString());
  } catch (const InputError& error) {
    problem_->setText(QString::fromStdString(error.what()));
    return;
  }
  QDialog::accept();
}

}  // namespace isl::gui
