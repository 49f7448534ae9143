#include "widgets/curves_panel.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QLineSeries>
#include <QRegularExpression>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace isl::gui {

namespace {

enum ChartIndex { kPrecision, kLosses, kKnn, kLearningRate, kGan, kMining, kProxies, kChartCount };

// A stable colour per set size so the ISL curve and its Euclidean baseline pair up visually.
QColor series_color(const std::string& key) {
  static const QColor palette[] = {QColor(78, 121, 167), QColor(242, 142, 43), QColor(89, 161, 79),
                                   QColor(225, 87, 89),  QColor(176, 122, 161), QColor(118, 183, 178)};
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
    if (fixed[i] == key) hash = i % 6;
  if (family == "precision") hash = 0;
  else if (family.rfind("precision_at_", 0) == 0) hash = 1 + size_t(std::atoi(family.c_str() + 13)) % 5;
  return palette[hash % 6];
}

}  // namespace

CurvesPanel::CurvesPanel(QWidget* parent) : QTabWidget(parent) {
  setDocumentMode(true);
  charts_.resize(kChartCount);
  for (auto& chart : charts_) {
    auto* qchart = new QChart;
    qchart->setTheme(QChart::ChartThemeLight);
    qchart->legend()->setAlignment(Qt::AlignBottom);
    qchart->setMargins(QMargins(4, 4, 4, 4));
    chart.x = new QValueAxis;
    chart.y = new QValueAxis;
    // Epochs are whole numbers: ticks on integers only, or "%d" would label 2.25 as 2.
    chart.x->setLabelFormat("%d");
    chart.x->setTickType(QValueAxis::TicksDynamic);
    chart.x->setTickAnchor(0);
    chart.x->setTickInterval(1);
    qchart->addAxis(chart.x, Qt::AlignBottom);
    qchart->addAxis(chart.y, Qt::AlignLeft);
    chart.view = new QChartView(qchart);
    chart.view->setRenderHint(QPainter::Antialiasing);
    addTab(chart.view, QString());
  }
  retranslate();
}

void CurvesPanel::retranslate() {
  const QString titles[] = {tr("Positive-set precision"), tr("Backbone loss"), tr("kNN accuracy"), tr("Learning rate"),
                            tr("Proxy GAN"), tr("Mining"), tr("Proxies")};
  const QString y_titles[] = {tr("precision (share of members with the anchor's label)"), tr("loss"),
                              tr("top-1 accuracy (share of test images)"), tr("learning rate"),
                              tr("loss / confidence"), tr("pairs"), tr("confidence / cosine similarity")};
  for (int i = 0; i < kChartCount; ++i) {
    setTabText(i, titles[i]);
    charts_[size_t(i)].view->chart()->setTitle(titles[i]);
    charts_[size_t(i)].x->setTitleText(i == kGan                       ? tr("GAN epoch (all rounds)")
                                       : i == kMining || i == kProxies ? tr("mining pass (all rounds)")
                                                                       : tr("backbone epoch"));
    charts_[size_t(i)].y->setTitleText(y_titles[i]);
  }
  for (auto& [key, series] : series_) series->setName(seriesName(key));
}

void CurvesPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QTabWidget::changeEvent(event);
}

QChartView* CurvesPanel::currentChartView() const { return charts_[size_t(std::max(currentIndex(), 0))].view; }

std::vector<QChartView*> CurvesPanel::chartViews() const {
  std::vector<QChartView*> views;
  for (const auto& chart : charts_) views.push_back(chart.view);
  return views;
}

int CurvesPanel::pointCount(const std::string& key) const {
  auto found = series_.find(key);
  return found == series_.end() ? 0 : int(found->second->count());
}

QList<QPointF> CurvesPanel::points(const std::string& key) const {
  auto found = series_.find(key);
  return found == series_.end() ? QList<QPointF>() : found->second->points();
}

// Each quantity has one chart, and is read from the records of the stage that measures it:
// every epoch record carries mined_pairs, and runs written before the GAN and mining stages
// had names of their own recorded their generator loss and proxy confidence as "loss".
int CurvesPanel::chartFor(const MetricsRecord& record, const std::string& key) const {
  const bool epoch = record.kind == "epoch";
  if (record.kind == "eval") {
    static const QRegularExpression precision("^precision_(isl|euclidean)(_at_\\d+)?$");
    if (precision.match(QString::fromStdString(key)).hasMatch()) return kPrecision;
    if (key == "knn_top1" || key == "knn_top1_recomputed") return kKnn;
  }
  if (record.kind == "probe" && key == "linear_top1") return kKnn;
  if (record.kind == "final" && key == "knn_top1_final") return kKnn;
  if (epoch && record.stage == Stage::Backbone) {
    if (key == "loss" || key.rfind("loss_", 0) == 0) return kLosses;
    if (key == "learning_rate") return kLearningRate;
  }
  if (epoch && record.stage == Stage::Gan && key.rfind("gan_", 0) == 0) return kGan;
  if (epoch && record.stage == Stage::Mining) {
    if (key == "mined_pairs" || key == "mined_this_epoch") return kMining;
    if (key.rfind("proxy_", 0) == 0) return kProxies;
  }
  return -1;
}

QString CurvesPanel::seriesName(const std::string& key) const {
  static const std::map<std::string, const char*> names = {
      {"loss", QT_TR_NOOP("total")},
      {"loss_instance", QT_TR_NOOP("instance term")},
      {"loss_set", QT_TR_NOOP("set term")},
      {"loss_hpe", QT_TR_NOOP("hard-positive term")},
      {"knn_top1", QT_TR_NOOP("kNN, memory bank")},
      {"knn_top1_final", QT_TR_NOOP("kNN, recomputed features")},
      {"knn_top1_recomputed", QT_TR_NOOP("kNN, recomputed features (evaluated on demand)")},
      {"linear_top1", QT_TR_NOOP("linear probe")},
      {"learning_rate", QT_TR_NOOP("learning rate")},
      {"gan_generator", QT_TR_NOOP("generator loss")},
      {"gan_discriminator", QT_TR_NOOP("discriminator loss")},
      {"gan_real_confidence", QT_TR_NOOP("confidence in real triplets")},
      {"gan_fake_confidence", QT_TR_NOOP("confidence in proxies")},
      {"mined_pairs", QT_TR_NOOP("mined pairs")},
      {"mined_this_epoch", QT_TR_NOOP("added in the pass")},
      {"proxy_confidence", QT_TR_NOOP("proxy confidence")},
      {"proxy_nearest_similarity", QT_TR_NOOP("similarity to nearest memory entry")},
      {"precision_isl", QT_TR_NOOP("ISL sets, all sizes")},
      {"precision_euclidean", QT_TR_NOOP("Euclidean sets, all sizes")}};
  if (auto found = names.find(key); found != names.end()) return tr(found->second);
  static const QRegularExpression at_size("^precision_(isl|euclidean)_at_(\\d+)$");
  const auto match = at_size.match(QString::fromStdString(key));
  if (match.hasMatch())
    return (match.captured(1) == "isl" ? tr("ISL sets, first %1 members") : tr("Euclidean sets, %1 nearest members"))
        .arg(match.captured(2));
  return QString::fromStdString(key);
}

QLineSeries* CurvesPanel::seriesFor(const std::string& key, int chart) {
  auto found = series_.find(key);
  if (found != series_.end()) return found->second;
  auto* series = new QLineSeries;
  series->setName(seriesName(key));
  series->setPointsVisible(true);
  QPen pen(series_color(key), 2);
  // Euclidean baselines are dashed beside the solid ISL curve of the same colour.
  if (key.find("euclidean") != std::string::npos || key == "gan_discriminator") pen.setStyle(Qt::DashLine);
  series->setPen(pen);
  QChart* qchart = charts_[size_t(chart)].view->chart();
  qchart->addSeries(series);
  series->attachAxis(charts_[size_t(chart)].x);
  series->attachAxis(charts_[size_t(chart)].y);
  connect(series, &QLineSeries::hovered, this, [this, series](const QPointF& point, bool state) {
    if (state)
      QToolTip::showText(QCursor::pos(), tr("%1 = %2 at %3").arg(series->name()).arg(point.y(), 0, 'g', 4).arg(point.x()));
    else QToolTip::hideText();
  });
  series_[key] = series;
  return series;
}

void CurvesPanel::extend(Chart& chart, double x, double y) {
  if (chart.empty) {
    chart.x_low = chart.x_high = x;
    chart.y_low = chart.y_high = y;
    chart.empty = false;
  }
  chart.x_low = std::min(chart.x_low, x);
  chart.x_high = std::max(chart.x_high, x);
  chart.y_low = std::min(chart.y_low, y);
  chart.y_high = std::max(chart.y_high, y);
}

void CurvesPanel::applyRange(Chart& chart) {
  if (chart.empty) return;
  const double margin = std::max(1e-6, 0.05 * (chart.y_high - chart.y_low));
  chart.x->setRange(chart.x_low, std::max(chart.x_high, chart.x_low + 1));
  chart.x->setTickInterval(std::max(1.0, std::ceil((chart.x_high - chart.x_low) / 10)));
  chart.y->setRange(chart.y_low - margin, chart.y_high + margin);
}

template <class Visit>
void CurvesPanel::forEachPoint(const MetricsRecord& record, Visit&& visit) {
  if (record.kind == "epoch" && record.stage == Stage::Gan) ++gan_epochs_;
  if (record.kind == "epoch" && record.stage == Stage::Mining) ++mining_epochs_;
  for (const auto& [key, value] : record.values) {
    const int chart = chartFor(record, key);
    if (chart < 0 || !std::isfinite(value)) continue;
    const double x = chart == kGan                       ? double(gan_epochs_)
                     : chart == kMining || chart == kProxies ? double(mining_epochs_)
                                                             : double(record.global_epoch);
    extend(charts_[size_t(chart)], x, value);
    visit(seriesFor(key, chart), QPointF(x, value));
  }
}

void CurvesPanel::addRecord(const MetricsRecord& record) {
  forEachPoint(record, [](QLineSeries* series, QPointF point) { series->append(point); });
  for (auto& chart : charts_) applyRange(chart);
}

// A whole run at once (a run directory that is opened or grew): each curve gets its points in
// one replace() and each axis its range once. Appending point by point redraws the curve and
// relays out the axis for every point, which took seconds for a run of a few thousand epochs.
void CurvesPanel::setRecords(const std::vector<MetricsRecord>& records) {
  clear();
  std::map<QLineSeries*, QList<QPointF>> points;
  for (const auto& record : records)
    forEachPoint(record, [&](QLineSeries* series, QPointF point) { points[series].append(point); });
  for (auto& [series, list] : points) series->replace(list);
  for (auto& chart : charts_) applyRange(chart);
}

void CurvesPanel::clear() {
  for (auto& [key, series] : series_) {
    series->chart()->removeSeries(series);
    delete series;
  }
  series_.clear();
  for (auto& chart : charts_) chart.empty = true;
  gan_epochs_ = 0;
  mining_epochs_ = 0;
}

}  // namespace isl::gui
