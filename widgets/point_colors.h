#pragma once
// Colours shared by the 3D view, its legend and the inspector, so a class looks the same
// everywhere.
#include <QColor>

namespace isl::gui {

QColor label_color(int label, int num_classes);
// A perceptually ordered ramp (viridis) for t in [0, 1].
QColor ramp_color(double t);
// Proxies: dim at low discriminator confidence, bright at high.
QColor confidence_color(double confidence);

inline const QColor kMatchColor{60, 179, 113};     // a positive with the anchor's label
inline const QColor kMismatchColor{220, 68, 55};   // a positive with another label
inline const QColor kOutsideColor{88, 92, 102};    // not in the anchor's positive set
inline const QColor kAnchorColor{255, 255, 255};
inline const QColor kRegionColor{77, 208, 225};    // would join the anchor's set if mined now

}  // namespace isl::gui
