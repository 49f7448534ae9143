#pragma once
// How metrics look in a chart, for the window's curves and the experiment report alike: the
// series' names, a colour per set size (an ISL curve and its Euclidean comparison share it),
// solid ISL and dashed Euclidean lines, and the axis titles with their units. Names and titles
// are translated (context "ChartStyle").
#include <QColor>
#include <QPen>
#include <QString>

#include <string>

class QChart;

namespace isl::gui::chart_style {

// The legend's name of metric `key` (precision_isl_at_10: "ISL sets, first 10 members"); the
// key itself for metrics without one.
QString series_name(const std::string& key);
QColor series_color(const std::string& key);
// Euclidean baselines (and the discriminator beside the generator) are dashed.
Qt::PenStyle line_style(const std::string& key);
QPen series_pen(const std::string& key);
// A colour per method of an experiment, in the description's order.
QColor method_color(size_t index);
// "ISL sets" or "Euclidean sets", for a series over set sizes.
QString set_kind_name(const std::string& kind);  // kind: isl or euclidean

QString precision_axis_title();  // share of members with the anchor's label
QString knn_axis_title();        // share of test images
QString backbone_epoch_axis_title();
QString set_size_axis_title();   // members counted per set

// Theme, legend and margins of every chart.
void apply_chart_look(QChart* chart);

}  // namespace isl::gui::chart_style
