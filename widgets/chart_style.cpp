#include "widgets/chart_style.h"

#include <QChart>
#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdlib>
#include <functional>
#include <map>
#include <vector>

namespace isl::gui::chart_style {

namespace {

const char* const kContext = "ChartStyle";

QString translated(const char* text) { return QCoreApplication::translate(kContext, text); }

const QColor kPalette[] = {QColor(78, 121, 167), QColor(242, 142, 43), QColor(89, 161, 79),
                           QColor(225, 87, 89),  QColor(176, 122, 161), QColor(118, 183, 178)};
constexpr size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];

}  // namespace

QString series_name(const std::string& key) {
  static const std::map<std::string, const char*> names = {
      {"loss", QT_TRANSLATE_NOOP("ChartStyle", "total")},
      {"loss_instance", QT_TRANSLATE_NOOP("ChartStyle", "instance term")},
      {"loss_set", QT_TRANSLATE_NOOP("ChartStyle", "set term")},
      {"loss_hpe", QT_TRANSLATE_NOOP("ChartStyle", "hard-positive term")},
      {"knn_top1", QT_TRANSLATE_NOOP("ChartStyle", "kNN, memory bank")},
      {"knn_top1_final", QT_TRANSLATE_NOOP("ChartStyle", "kNN, recomputed features")},
      {"knn_top1_recomputed", QT_TRANSLATE_NOOP("ChartStyle", "kNN, recomputed features (evaluated on demand)")},
      {"linear_top1", QT_TRANSLATE_NOOP("ChartStyle", "linear probe")},
      {"learning_rate", QT_TRANSLATE_NOOP("ChartStyle", "learning rate")},
      {"gan_generator", QT_TRANSLATE_NOOP("ChartStyle", "generator loss")},
      {"gan_discriminator", QT_TRANSLATE_NOOP("ChartStyle", "discriminator loss")},
      {"gan_real_confidence", QT_TRANSLATE_NOOP("ChartStyle", "confidence in real triplets")},
      {"gan_fake_confidence", QT_TRANSLATE_NOOP("ChartStyle", "confidence in proxies")},
      {"mined_pairs", QT_TRANSLATE_NOOP("ChartStyle", "mined pairs")},
      {"mined_this_epoch", QT_TRANSLATE_NOOP("ChartStyle", "added in the pass")},
      {"proxy_confidence", QT_TRANSLATE_NOOP("ChartStyle", "proxy confidence")},
      {"proxy_nearest_similarity", QT_TRANSLATE_NOOP("ChartStyle", "similarity to nearest memory entry")},
      {"precision_isl", QT_TRANSLATE_NOOP("ChartStyle", "ISL sets, all sizes")},
      {"precision_euclidean", QT_TRANSLATE_NOOP("ChartStyle", "Euclidean sets, all sizes")}};
  if (auto found = names.find(key); found != names.end()) return translated(found->second);
  static const QRegularExpression at_size("^precision_(isl|euclidean)_at_(\\d+)$");
  const auto match = at_size.match(QString::fromStdString(key));
  if (match.hasMatch())
    return (match.captured(1) == "isl" ? translated(QT_TRANSLATE_NOOP("ChartStyle", "ISL sets, first %1 members"))
                                       : translated(QT_TRANSLATE_NOOP("ChartStyle", "Euclidean sets, %1 nearest members")))
        .arg(match.captured(2));
  return QString::fromStdString(key);
}

// A stable colour per set size so the ISL curve and its Euclidean baseline pair up visually.
QColor series_color(const std::string& key) {
  static const std::vector<std::string> fixed = {"loss", "loss_instance", "loss_set", "loss_hpe",
                                                 "knn_top1", "linear_top1", "gan_generator", "gan_discriminator",
                                                 "mined_pairs", "precision_isl", "precision_euclidean", "knn_top1_final",
                                                 "learning_rate", "gan_real_confidence", "gan_fake_confidence",
                                                 "mined_this_epoch", "proxy_confidence", "proxy_nearest_similarity"};
  std::string family = key;
  for (const char* prefix : {"precision_isl", "precision_euclidean"})
    if (key.rfind(prefix, 0) == 0) family = "precision" + key.substr(std::string(prefix).size());
  size_t hash = std::hash<std::string>{}(family);
  for (size_t i = 0; i < fixed.size(); ++i)
    if (fixed[i] == key) hash = i % kPaletteSize;
  if (family == "precision") hash = 0;
  else if (family.rfind("precision_at_", 0) == 0) hash = 1 + size_t(std::atoi(family.c_str() + 13)) % (kPaletteSize - 1);
  return kPalette[hash % kPaletteSize];
}

Qt::PenStyle line_style(const std::string& key) {
  return key.find("euclidean") != std::string::npos || key == "gan_discriminator" ? Qt::DashLine : Qt::SolidLine;
}

QPen series_pen(const std::string& key) {
  QPen pen(series_color(key), 2);
  pen.setStyle(line_style(key));
  return pen;
}

QColor method_color(size_t index) { return kPalette[index % kPaletteSize]; }

QString set_kind_name(const std::string& kind) {
  return kind == "euclidean" ? translated(QT_TRANSLATE_NOOP("ChartStyle", "Euclidean sets"))
                             : translated(QT_TRANSLATE_NOOP("ChartStyle", "ISL sets"));
}

QString precision_axis_title() {
  return translated(QT_TRANSLATE_NOOP("ChartStyle", "precision (share of members with the anchor's label)"));
}

QString knn_axis_title() { return translated(QT_TRANSLATE_NOOP("ChartStyle", "top-1 accuracy (share of test images)")); }

QString backbone_epoch_axis_title() { return translated(QT_TRANSLATE_NOOP("ChartStyle", "backbone epoch")); }

QString set_size_axis_title() { return translated(QT_TRANSLATE_NOOP("ChartStyle", "set size (members counted per anchor)")); }

void apply_chart_look(QChart* chart) {
  chart->setTheme(QChart::ChartThemeLight);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
}

}  // namespace isl::gui::chart_style
