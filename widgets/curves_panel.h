#pragma once
#include <QList>
#include <QPointF>
#include <QTabWidget>

#include <map>
#include <string>
#include <vector>

#include "widgets/metatypes.h"

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace isl::gui {

// The run's metrics over time, one chart per question: are the mined positive sets purer than
// Euclidean neighbours of the same size; are the backbone's loss terms falling; is kNN accuracy
// rising; where does the learning rate stand; are the GAN's two players balanced; how many
// pairs has mining added; how confident are the proxies and how close to the data.
class CurvesPanel : public QTabWidget {
  Q_OBJECT
 public:
  explicit CurvesPanel(QWidget* parent = nullptr);
  QChartView* currentChartView() const;
  std::vector<QChartView*> chartViews() const;
  // Points in the series of metric `key` (tests).
  int pointCount(const std::string& key) const;
  QList<QPointF> points(const std::string& key) const;

 public slots:
  void clear();
  void addRecord(const isl::MetricsRecord& record);
  void setRecords(const std::vector<isl::MetricsRecord>& records);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Chart {
    QChartView* view = nullptr;
    QValueAxis* x = nullptr;
    QValueAxis* y = nullptr;
    double x_low = 0, x_high = 1, y_low = 0, y_high = 1;
    bool empty = true;
  };
  int chartFor(const isl::MetricsRecord& record, const std::string& key) const;  // -1: not drawn
  QLineSeries* seriesFor(const std::string& key, int chart);
  // Grows the chart's bounds to hold (x, y); applyRange sets its axes from them.
  void extend(Chart& chart, double x, double y);
  void applyRange(Chart& chart);
  // Calls visit(series, point) for each drawn value of `record`, growing the bounds.
  template <class Visit>
  void forEachPoint(const isl::MetricsRecord& record, Visit&& visit);
  void retranslate();

  std::vector<Chart> charts_;
  std::map<std::string, QLineSeries*> series_;
  int gan_epochs_ = 0;     // GAN epochs so far, the x of the GAN chart
  int mining_epochs_ = 0;  // mining passes so far, the x of the mining and proxy charts
};

}  // namespace isl::gui
