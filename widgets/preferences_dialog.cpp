#include "widgets/preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>

namespace isl::gui {

PreferencesDialog::PreferencesDialog(const QString& language, QWidget* parent)
    : QDialog(parent), language_(new QComboBox(this)) {
  setWindowTitle(tr("Preferences"));
  language_->setObjectName("language");
  // Each language is named in itself, so a user who cannot read the current one finds theirs.
  language_->addItem(tr("System language"), QString());
  language_->addItem("English", "en");
  language_->addItem("Deutsch", "de");
  language_->addItem("简体中文", "zh_CN");
  language_->setCurrentIndex(std::max(0, language_->findData(language)));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Language"), language_);
  form->addRow(buttons);
}

QString PreferencesDialog::language() const { return language_->currentData().toString(); }

}  // namespace isl::gui
