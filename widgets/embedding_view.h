#pragma once
#include <QWidget>

#include <vtkNew.h>
#include <vtkSmartPointer.h>

#include <cstdint>
#include <vector>

#include "widgets/metatypes.h"

class QComboBox;
class QLabel;
class vtkActor;
class vtkObject;
class vtkPolyData;
class vtkRenderer;

namespace isl::gui {

class VtkGlWidget;
class ViewLegend;

// The projected memory bank as a point cloud: one point per image, coloured by label, by the
// size of its positive set, or by membership in the selected anchor's positive set; the
// proxies of the tracked anchors as larger markers joined to their anchors; for the selected
// anchor, the S proxies the generator makes of it now, each linked to it and coloured by its
// confidence, and the images inside the best one's mining region. It only draws what the
// engine hands it (3D points, sets, a few proxies placed with the snapshot's own projection);
// it computes nothing over the features.
class EmbeddingView : public QWidget {
  Q_OBJECT
 public:
  enum class Coloring { Label, SetSize, AnchorSet };
  explicit EmbeddingView(QWidget* parent = nullptr);
  ~EmbeddingView() override;

  Coloring coloring() const { return coloring_; }
  // The rendered view as an image, for export and screenshots.
  QImage image();
  VtkGlWidget* canvas() const { return canvas_; }
  // Where point `index` lies on screen (widget coordinates of the canvas), for tests and tooltips.
  QPoint screenPosition(int64_t index);
  // Above `limit` points, only a fixed random subsample of `limit` points is drawn while the
  // camera moves; 0 always draws every point. Software OpenGL needs 40-80 ms for 60,000
  // points, too slow for a smooth drag; the default keeps a drag near 15 frames a second.
  static constexpr int64_t kDefaultMovingPointLimit = 12000;
  void setMovingPointLimit(int64_t limit);
  // How many cloud points the next frame draws: all at rest, the subsample while moving.
  int64_t drawnPointCount() const;
  // The selected anchor's proxies as drawn now: how many proxies and region members (0 where
  // there are none for this anchor, or the snapshot cannot place them).
  int drawnAnchorProxyCount() const;
  int drawnRegionMemberCount() const;
  const isl::AnchorProxiesPtr& anchorProxies() const { return anchor_proxies_; }

 public slots:
  void setSnapshot(isl::SnapshotPtr snapshot);
  void setAnchor(qint64 anchor);
  // Proxies of one anchor, drawn while that anchor is selected; null clears them.
  void setAnchorProxies(isl::AnchorProxiesPtr proxies);
  void setColoring(isl::gui::EmbeddingView::Coloring coloring);
  void resetCamera();

 signals:
  void anchorPicked(qint64 index);

 private:
  void buildScene();
  void updatePreview();
  void showPreview(bool moving);
  void updateColors();
  void updateProxies();
  void updateAnchorMarker();
  void updateAnchorProxies();
  bool anchorProxiesShown() const;
  void updateLegend();
  void updateCaption();
  QString anchorProxiesText() const;
  void onCanvasClicked(QPoint position);
  void onInteractionStart(vtkObject*, unsigned long, void*);
  void onInteractionEnd(vtkObject*, unsigned long, void*);
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void retranslate();

  VtkGlWidget* canvas_ = nullptr;
  QComboBox* coloring_box_ = nullptr;
  SnapshotPtr snapshot_;
  int64_t anchor_ = -1;
  AnchorProxiesPtr anchor_proxies_;
  Coloring coloring_ = Coloring::Label;
  int64_t moving_point_limit_;
  std::vector<int64_t> preview_indices_;  // the subsample drawn while the camera moves
  bool interacting_ = false;

  vtkNew<vtkPolyData> cloud_;
  vtkNew<vtkPolyData> preview_;
  vtkNew<vtkPolyData> proxies_;
  vtkNew<vtkPolyData> links_;
  vtkNew<vtkPolyData> marker_;
  vtkNew<vtkPolyData> anchor_proxy_points_;
  vtkNew<vtkPolyData> anchor_proxy_links_;
  vtkNew<vtkPolyData> region_members_;
  vtkNew<vtkActor> cloud_actor_;
  vtkNew<vtkActor> preview_actor_;
  vtkNew<vtkActor> proxy_actor_;
  vtkNew<vtkActor> link_actor_;
  vtkNew<vtkActor> marker_actor_;
  vtkNew<vtkActor> anchor_proxy_actor_;
  vtkNew<vtkActor> anchor_link_actor_;
  vtkNew<vtkActor> region_actor_;
  vtkNew<vtkRenderer> overlay_;  // draws the anchor marker over the cloud, with its camera
  // Legend and caption are Qt widgets over the canvas (VTK's text has no CJK glyphs, and
  // the UI is translated); image() paints them onto the grabbed frame.
  ViewLegend* legend_ = nullptr;
  QLabel* caption_ = nullptr;
};

}  // namespace isl::gui
