#include "widgets/curves_panel.h"

#include "widgets/chart_style.h"

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

}  // namespace

CurvesPanel::CurvesPanel(QWidget* parent) : QTabWidget(parent) {
  setDocumentMode(true);
  charts_.resize(kChartCount);
  for (auto& chart : charts_) {
    auto* qchart = new QChart;
    chart_style::apply_chart_look(qchart);
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
  const QString y_titles[] = {chart_style::precision_axis_title(), tr("loss"),
                              chart_style::knn_axis_title(), tr("learning rate"),
                              tr("loss / confidence"), tr("pairs"), tr("confidence / cosine similarity")};
  for (int i = 0; i < kChartCount; ++i) {
    setTabText(i, titles[i]);
    charts_[size_t(i)].view->chart()->setTitle(titles[i]);
    charts_[size_t(i)].x->setTitleText(i == kGan                       ? tr("GAN epoch (all rounds)")
                                       : i == kMining || i == kProxies ? tr("mining pass (all rounds)")
                                                                       : chart_style::backbone_epoch_axis_title());
    charts_[size_t(i)].y->setTitleText(y_titles[i]);
  }
  for (auto& [key, series] : series_) series->setName(chart_style::series_name(key));
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

QLineSeries* CurvesPanel::seriesFor(const std::string& key, int chart) {
  auto found = series_.find(key);
  if (found != series_.end()) return found->second;
  auto* series = new QLineSeries;
  series->setName(chart_style::series_name(key));
  series->setPointsVisible(true);
  series->setPen(chart_style::series_pen(key));
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
