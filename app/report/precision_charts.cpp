#include "precision_charts.h"

#include <QAreaSeries>
#include <QBuffer>
#include <QChart>
#include <QGraphicsScene>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QSvgGenerator>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

#include "widgets/chart_style.h"

namespace isl::report {

namespace {

namespace style = gui::chart_style;

const QSize kPlotSize(1100, 600);

std::vector<BandPoint> band_points(const std::map<double, std::vector<double>>& values_by_x) {
  std::vector<BandPoint> points;
  for (const auto& [x, values] : values_by_x)
    if (auto s = spread(values)) points.push_back({x, s->mean, s->deviation, s->count});
  return points;
}

// The series order of the curves panel's legend: all sizes first, then by set size, ISL before Euclidean.
bool series_before(const std::string& a, const std::string& b) {
  static const std::regex pattern("^precision_(isl|euclidean)(?:_at_(\\d+))?$");
  auto rank = [](const std::string& key) {
    std::smatch match;
    if (!std::regex_match(key, match, pattern)) return std::make_tuple(2L, 0L, key);
    return std::make_tuple(match[2].matched ? std::stol(match[2]) : -1L, match[1] == "isl" ? 0L : 1L, key);
  };
  return rank(a) < rank(b);
}

// Draws the plot into a chart in its own scene, laid out at the plot's size.
class PlotScene {
 public:
  explicit PlotScene(const PrecisionPlot& plot) {
    chart_ = new QChart;
    style::apply_chart_look(chart_);
    chart_->setTitle(plot.title);
    chart_->setAnimationOptions(QChart::NoAnimation);
    // Up to a dozen series: the legend beside the plot has room for their whole names.
    chart_->legend()->setAlignment(Qt::AlignRight);
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(plot.x_title);
    y->setTitleText(plot.y_title);
    x->setLabelFormat("%d");
    chart_->addAxis(x, Qt::AlignBottom);
    chart_->addAxis(y, Qt::AlignLeft);
    double x_low = INFINITY, x_high = -INFINITY, y_low = INFINITY, y_high = -INFINITY;
    for (const BandCurve& curve : plot.curves) {
      auto* mean = new QLineSeries;
      auto* upper = new QLineSeries;
      auto* lower = new QLineSeries;
      bool spread = false;
      for (const BandPoint& p : curve.points) {
        mean->append(p.x, p.mean);
        upper->append(p.x, p.mean + p.deviation);
        lower->append(p.x, p.mean - p.deviation);
        spread = spread || p.deviation > 0;
        x_low = std::min(x_low, p.x);
        x_high = std::max(x_high, p.x);
        y_low = std::min(y_low, p.mean - p.deviation);
        y_high = std::max(y_high, p.mean + p.deviation);
      }
      if (spread) {
        auto* band = new QAreaSeries(upper, lower);
        QColor fill = curve.pen.color();
        fill.setAlpha(50);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        chart_->addSeries(band);
        band->attachAxis(x);
        band->attachAxis(y);
        for (QLegendMarker* marker : chart_->legend()->markers(band)) marker->setVisible(false);
      } else {
        delete upper;
        delete lower;
      }
      mean->setName(curve.name);
      mean->setPen(curve.pen);
      mean->setPointsVisible(true);
      chart_->addSeries(mean);
      mean->attachAxis(x);
      mean->attachAxis(y);
    }
    if (x_low > x_high) x_low = x_high = 0;
    if (y_low > y_high) y_low = y_high = 0;
    // Whole numbers on x (set sizes, epochs): ticks on integers only.
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(std::max(1.0, std::ceil((x_high - x_low) / 10)));
    x->setRange(x_low - 0.5, x_high + 0.5);
    const double margin = std::max(0.01, 0.05 * (y_high - y_low));
    y->setRange(std::max(0.0, y_low - margin), std::min(1.0, y_high + margin));
    y->applyNiceNumbers();
    scene_.addItem(chart_);
    chart_->setGeometry(QRectF(QPointF(0, 0), kPlotSize));
    scene_.setSceneRect(QRectF(QPointF(0, 0), kPlotSize));
  }

  void paint(QPainter& painter) {
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), kPlotSize), Qt::white);
    scene_.render(&painter, QRectF(QPointF(0, 0), kPlotSize), scene_.sceneRect());
  }

 private:
  QGraphicsScene scene_;  // owns the chart
  QChart* chart_ = nullptr;
};

}  // namespace

bool PrecisionPlot::empty() const { return curves.empty(); }

PrecisionPlot precision_by_set_size(const ExperimentFigures& figures) {
  PrecisionPlot plot;
  plot.file = "precision_by_set_size";
  plot.title = "Positive-set precision against set size (newest evaluation of each run)";
  plot.x_title = style::set_size_axis_title();
  plot.y_title = style::precision_axis_title();
  plot.x_key = "set_size";
  static const std::regex at_size("^precision_(isl|euclidean)_at_(\\d+)$");
  const auto& labels = figures.experiment.labels;
  for (size_t m = 0; m < labels.size(); ++m)
    for (const std::string kind : {"isl", "euclidean"}) {
      std::map<double, std::vector<double>> values;
      for (const RunFigures* run : runs_of(figures, labels[m]))
        for (const auto& [key, value] : run->last_evaluation) {
          std::smatch match;
          if (std::regex_match(key, match, at_size) && match[1] == kind) values[std::stod(match[2])].push_back(value);
        }
      QPen pen(style::method_color(m), 2);
      pen.setStyle(style::line_style("precision_" + kind));
      if (!values.empty())
        plot.curves.push_back({labels[m], kind,
                               QString::fromStdString(labels[m]) + ": " + style::set_kind_name(kind), pen,
                               band_points(values)});
    }
  return plot;
}

std::vector<PrecisionPlot> precision_by_epoch(const ExperimentFigures& figures) {
  std::vector<PrecisionPlot> plots;
  for (const auto& label : figures.experiment.labels) {
    PrecisionPlot plot;
    plot.method = label;
    plot.file = "precision_by_epoch_" + label;
    plot.title = QString("Positive-set precision of %1 against backbone epochs").arg(QString::fromStdString(label));
    plot.x_title = style::backbone_epoch_axis_title();
    plot.y_title = style::precision_axis_title();
    plot.x_key = "global_epoch";
    std::map<std::string, std::map<double, std::vector<double>>> values;
    for (const RunFigures* run : runs_of(figures, label))
      for (const auto& [key, by_epoch] : run->precision_by_epoch)
        for (const auto& [epoch, value] : by_epoch) values[key][double(epoch)].push_back(value);
    std::vector<std::string> keys;
    for (const auto& [key, unused] : values) keys.push_back(key);
    std::sort(keys.begin(), keys.end(), series_before);
    for (const auto& key : keys)
      plot.curves.push_back({label, key, style::series_name(key), style::series_pen(key), band_points(values[key])});
    plots.push_back(std::move(plot));
  }
  return plots;
}

Table plot_table(const PrecisionPlot& plot) {
  Table table;
  table.file = plot.file + ".csv";
  table.csv_header = {"method", "series", plot.x_key, "mean", "deviation", "count"};
  for (const BandCurve& curve : plot.curves)
    for (const BandPoint& p : curve.points)
      table.csv_rows.push_back({curve.method, curve.series, csv_number(p.x), csv_number(p.mean), csv_number(p.deviation),
                                std::to_string(p.count)});
  return table;
}

QByteArray plot_png(const PrecisionPlot& plot) {
  PlotScene scene(plot);
  QImage image(kPlotSize, QImage::Format_ARGB32_Premultiplied);
  {
    QPainter painter(&image);
    scene.paint(painter);
  }
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

QByteArray plot_svg(const PrecisionPlot& plot) {
  PlotScene scene(plot);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator svg;
  svg.setOutputDevice(&buffer);
  svg.setSize(kPlotSize);
  svg.setViewBox(QRect(QPoint(0, 0), kPlotSize));
  svg.setTitle(plot.title);
  {
    QPainter painter(&svg);
    scene.paint(painter);
  }
  return bytes;
}

}  // namespace isl::report
