#include "widgets/point_colors.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace isl::gui {

QColor label_color(int label, int num_classes) {
  // Tableau 10 for the usual ten classes; golden-angle hues beyond that stay distinguishable.
  static const std::array<QColor, 10> tableau = {
      QColor(78, 121, 167), QColor(242, 142, 43), QColor(225, 87, 89),  QColor(118, 183, 178),
      QColor(89, 161, 79),  QColor(237, 201, 72), QColor(176, 122, 161), QColor(255, 157, 167),
      QColor(156, 117, 95), QColor(186, 176, 172)};
  if (num_classes <= int(tableau.size())) return tableau[size_t(std::max(label, 0)) % tableau.size()];
  const double hue = std::fmod(label * 0.618033988749895, 1.0);
  return QColor::fromHsvF(float(hue), 0.62f, 0.92f);
}

QColor ramp_color(double t) {
  static const std::array<QColor, 5> stops = {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140),
                                              QColor(94, 201, 98), QColor(253, 231, 37)};
  t = std::clamp(t, 0.0, 1.0) * double(stops.size() - 1);
  const size_t i = std::min(size_t(t), stops.size() - 2);
  const double f = t - double(i);
  auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
  return QColor(mix(stops[i].red(), stops[i + 1].red()), mix(stops[i].green(), stops[i + 1].green()),
                mix(stops[i].blue(), stops[i + 1].blue()));
}

QColor confidence_color(double confidence) {
  const double c = std::clamp(confidence, 0.0, 1.0);
  return QColor::fromHsvF(0.83f, float(0.25 + 0.6 * c), float(0.55 + 0.45 * c));
}

}  // namespace isl::gui
