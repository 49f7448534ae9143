#pragma once
#include <QObject>

#include <cstdint>

namespace isl::gui {

// The one owner of "which image is the anchor". The 3D view, the inspector and the search
// box all write it here and redraw from its signal, so they can never disagree.
class AnchorSelection : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  int64_t anchor() const { return anchor_; }

 public slots:
  void setAnchor(qint64 anchor) {
    if (anchor == anchor_) return;
    anchor_ = anchor;
    emit anchorChanged(anchor);
  }
  void clear() { setAnchor(-1); }

 signals:
  void anchorChanged(qint64 anchor);  // -1: none

 private:
  int64_t anchor_ = -1;
};

}  // namespace isl::gui
