#pragma once
// The report's plots of positive-set precision (paper Fig. 3): against set size, ISL sets and
// Euclidean sets of the same sizes per method; and against backbone epochs, one plot per
// method. Each curve is the mean over seeds with a band of one standard deviation.
#include <QPen>
#include <QString>

#include <string>
#include <vector>

#include "experiment_figures.h"
#include "report_table.h"

namespace isl::report {

struct BandPoint {
  double x = 0;
  double mean = 0;
  double deviation = 0;
  int count = 0;
};

struct BandCurve {
  std::string method;
  std::string series;  // precision_isl_at_10, or isl / euclidean over set sizes
  QString name;        // the legend's
  QPen pen;
  std::vector<BandPoint> points;
};

struct PrecisionPlot {
  std::string method;  // the method of a plot over epochs; empty for the plot over set sizes
  std::string file;  // the name without suffix: .png, .svg and .csv are written
  QString title, x_title, y_title;
  std::string x_key;  // the CSV's column of x: set_size, global_epoch
  std::vector<BandCurve> curves;  // only curves with points
  bool empty() const;
};

// Precision against set size, from each run's newest evaluation (precision_*_at_N).
PrecisionPlot precision_by_set_size(const ExperimentFigures& figures);
// One plot per method: every precision series against backbone epochs.
std::vector<PrecisionPlot> precision_by_epoch(const ExperimentFigures& figures);

// The plot's points as CSV: method, series, x, mean, deviation, count.
Table plot_table(const PrecisionPlot& plot);
// The plot drawn with Qt Charts as PNG bytes and as SVG bytes.
QByteArray plot_png(const PrecisionPlot& plot);
QByteArray plot_svg(const PrecisionPlot& plot);

}  // namespace isl::report
