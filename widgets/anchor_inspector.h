#pragma once
#include <QWidget>

#include "widgets/metatypes.h"

class QLabel;
class QSpinBox;
class QScrollArea;
class QGridLayout;
class QToolButton;
class QVBoxLayout;

namespace isl::gui {

class ThumbnailSource;

// The paper's Fig. 5 for one anchor: its image, its mined positives grouped by the round that
// added them, and as many Euclidean nearest neighbours for comparison. Frames are green when
// a thumbnail's label matches the anchor's, red otherwise (labels are an evaluation aid only).
class AnchorInspector : public QWidget {
  Q_OBJECT
 public:
  explicit AnchorInspector(ThumbnailSource* thumbnails, QWidget* parent = nullptr);
  // Thumbnails of the positives and of the neighbours currently shown.
  int positiveCount() const { return positive_count_; }
  int neighbourCount() const { return neighbour_count_; }
  // Wide enough for both thumbnail columns side by side, so a dock opens at a useful width.
  QSize sizeHint() const override;

 public slots:
  void setSnapshot(isl::SnapshotPtr snapshot);
  void setAnchor(qint64 anchor);
  // The data set changed under the same snapshot (opened later than the run): redraw.
  void refreshImages();

 signals:
  // The user asked for another anchor (a thumbnail click, the index box, "next").
  void anchorRequested(qint64 anchor);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();
  void retranslate();
  void nextAnchorWithPositives();
  QWidget* tile(int64_t index, bool match, int side);
  int addGroup(QVBoxLayout* column, const QString& title, const std::vector<int64_t>& indices, int anchor_label);

  ThumbnailSource* thumbnails_;
  SnapshotPtr snapshot_;
  int64_t anchor_ = -1;
  int positive_count_ = 0;
  int neighbour_count_ = 0;
  QSpinBox* index_box_ = nullptr;
  QToolButton* next_button_ = nullptr;
  QLabel* anchor_image_ = nullptr;
  QLabel* anchor_text_ = nullptr;
  QLabel* index_label_ = nullptr;
  QScrollArea* scroll_ = nullptr;
};

}  // namespace isl::gui
