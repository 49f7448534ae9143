#include "widgets/embedding_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCoordinate.h>
#include <vtkFloatArray.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkIdTypeArray.h>
#include <vtkInteractorObserver.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "widgets/point_colors.h"
#include "widgets/view_legend.h"
#include "widgets/vtk_gl_widget.h"

namespace isl::gui {

namespace {

constexpr uint64_t kPreviewSeed = 0x15157;
constexpr int kPickTolerance = 6;

// Points (or the end points of lines) as a poly data set with one cell per vertex/line.
void set_geometry(vtkPolyData* data, const float* xyz, int64_t count, bool as_lines) {
  vtkNew<vtkFloatArray> coordinates;
  coordinates->SetNumberOfComponents(3);
  coordinates->SetNumberOfTuples(count);
  std::copy(xyz, xyz + 3 * count, coordinates->GetPointer(0));
  vtkNew<vtkPoints> points;
  points->SetData(coordinates);
  const int64_t per_cell = as_lines ? 2 : 1;
  const int64_t cells = count / per_cell;
  vtkNew<vtkIdTypeArray> offsets;
  vtkNew<vtkIdTypeArray> connectivity;
  offsets->SetNumberOfTuples(cells + 1);
  connectivity->SetNumberOfTuples(cells * per_cell);
  for (int64_t c = 0; c <= cells; ++c) offsets->SetValue(c, c * per_cell);
  for (int64_t k = 0; k < cells * per_cell; ++k) connectivity->SetValue(k, k);
  vtkNew<vtkCellArray> topology;
  topology->SetData(offsets, connectivity);
  data->Initialize();
  data->SetPoints(points);
  if (as_lines) data->SetLines(topology);
  else data->SetVerts(topology);
}

void set_colors(vtkPolyData* data, const std::vector<QColor>& colors) {
  vtkNew<vtkUnsignedCharArray> rgb;
  rgb->SetNumberOfComponents(3);
  rgb->SetNumberOfTuples(vtkIdType(colors.size()));
  unsigned char* out = rgb->GetPointer(0);
  for (const QColor& color : colors) {
    *out++ = uchar(color.red());
    *out++ = uchar(color.green());
    *out++ = uchar(color.blue());
  }
  data->GetPointData()->SetScalars(rgb);
  data->Modified();
}

void attach(vtkPolyData* data, vtkActor* actor, double point_size) {
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputData(data);
  mapper->SetColorModeToDirectScalars();
  mapper->SetScalarVisibility(true);
  actor->SetMapper(mapper);
  actor->GetProperty()->SetPointSize(float(point_size));
}

}  // namespace

EmbeddingView::EmbeddingView(QWidget* parent) : QWidget(parent), moving_point_limit_(kDefaultMovingPointLimit) {
  canvas_ = new VtkGlWidget(this);
  coloring_box_ = new QComboBox(this);
  coloring_box_->setObjectName("coloring");
  auto* reset = new QToolButton(this);
  reset->setObjectName("resetView");
  reset->setIcon(QIcon(":/icons/reset-view.svg"));
  reset->setAutoRaise(true);
  connect(reset, &QToolButton::clicked, this, &EmbeddingView::resetCamera);
  connect(coloring_box_, &QComboBox::currentIndexChanged, this,
          [this](int index) { setColoring(Coloring(index)); });

  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(6, 4, 6, 4);
  bar->addWidget(coloring_box_);
  bar->addStretch(1);
  bar->addWidget(reset);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addLayout(bar);
  layout->addWidget(canvas_, 1);

  legend_ = new ViewLegend(canvas_);
  caption_ = new QLabel(canvas_);
  caption_->setObjectName("viewCaption");
  caption_->setAttribute(Qt::WA_TransparentForMouseEvents);
  caption_->setStyleSheet("QLabel { color: #e8eaed; background: rgba(20,22,27,170); border-radius: 5px; padding: 4px 8px; }");
  retranslate();
  buildScene();
  connect(canvas_, &VtkGlWidget::clicked, this, &EmbeddingView::onCanvasClicked);
  setMinimumSize(320, 240);
}

EmbeddingView::~EmbeddingView() = default;

void EmbeddingView::retranslate() {
  const QSignalBlocker block(coloring_box_);
  const int current = coloring_box_->currentIndex();
  coloring_box_->clear();
  coloring_box_->addItems({tr("Colour by label"), tr("Colour by positive-set size"),
                           tr("Colour by the anchor's positive set")});
  coloring_box_->setCurrentIndex(std::max(current, 0));
  coloring_box_->setToolTip(tr("What the colour of each point shows. Labels are an evaluation aid only; training never sees them."));
  findChild<QToolButton*>("resetView")->setToolTip(tr("Reset the camera to show every point"));
  updateLegend();
  updateCaption();
}

void EmbeddingView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void EmbeddingView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  legend_->move(canvas_->width() - legend_->width() - 10, 10);
}

void EmbeddingView::buildScene() {
  vtkRenderer* renderer = canvas_->renderer();
  renderer->GradientBackgroundOn();
  renderer->SetBackground(0.08, 0.09, 0.11);
  renderer->SetBackground2(0.19, 0.21, 0.25);
  attach(cloud_, cloud_actor_, 3.0);
  attach(preview_, preview_actor_, 3.0);
  attach(proxies_, proxy_actor_, 11.0);
  attach(links_, link_actor_, 1.0);
  attach(marker_, marker_actor_, 16.0);
  attach(anchor_proxy_points_, anchor_proxy_actor_, 13.0);
  attach(anchor_proxy_links_, anchor_link_actor_, 1.0);
  attach(region_members_, region_actor_, 9.0);
  for (vtkActor* actor : {proxy_actor_.Get(), marker_actor_.Get(), anchor_proxy_actor_.Get(), region_actor_.Get()})
    actor->GetProperty()->SetRenderPointsAsSpheres(true);
  anchor_link_actor_->GetProperty()->SetLineWidth(2.0f);
  link_actor_->GetProperty()->SetOpacity(0.55);
  link_actor_->GetProperty()->SetLineWidth(1.5f);
  // Only the cloud answers clicks: a marker or link in front of a point must not hide it.
  for (vtkActor* actor : {preview_actor_.Get(), proxy_actor_.Get(), link_actor_.Get(), marker_actor_.Get(),
                         anchor_proxy_actor_.Get(), anchor_link_actor_.Get(), region_actor_.Get()})
    actor->PickableOff();
  preview_actor_->VisibilityOff();
  for (vtkActor* actor : {cloud_actor_.Get(), preview_actor_.Get(), link_actor_.Get(), proxy_actor_.Get()})
    renderer->AddActor(actor);
  // The selected anchor usually sits inside a dense cluster; a second layer keeps it in view.
  renderer->GetRenderWindow()->SetNumberOfLayers(2);
  overlay_->SetLayer(1);
  overlay_->InteractiveOff();
  overlay_->SetActiveCamera(renderer->GetActiveCamera());
  // The anchor's own proxies and region sit in the overlay too: they are what the user is looking at.
  for (vtkActor* actor : {region_actor_.Get(), anchor_link_actor_.Get(), anchor_proxy_actor_.Get(), marker_actor_.Get()})
    overlay_->AddActor(actor);
  renderer->GetRenderWindow()->AddRenderer(overlay_);
  auto* style = canvas_->interactor()->GetInteractorStyle();
  style->AddObserver(vtkCommand::StartInteractionEvent, this, &EmbeddingView::onInteractionStart);
  style->AddObserver(vtkCommand::EndInteractionEvent, this, &EmbeddingView::onInteractionEnd);
}

void EmbeddingView::setSnapshot(SnapshotPtr snapshot) {
  if (!snapshot) return;
  const bool first = !snapshot_ || snapshot_->images != snapshot->images;
  snapshot_ = std::move(snapshot);
  const int64_t n = snapshot_->images;
  set_geometry(cloud_, snapshot_->points.data(), n, false);
  updatePreview();
  if (anchor_ >= n) anchor_ = -1;
  updateColors();
  updateProxies();
  updateAnchorMarker();
  updateAnchorProxies();
  updateCaption();
  // The camera stays where the user put it; only a new data set (or the first) frames it.
  if (first) resetCamera();
  canvas_->requestRender();
}

// Selection sampling (Knuth's algorithm S) with a fixed seed: every snapshot of a run keeps
// the same subsample, so no point blinks in or out between updates, and unlike an even
// stride it cannot alias with a data set stored in label order.
void EmbeddingView::updatePreview() {
  preview_indices_.clear();
  const int64_t n = snapshot_ ? snapshot_->images : 0;
  if (moving_point_limit_ > 0 && n > moving_point_limit_) {
    std::mt19937_64 random(kPreviewSeed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    preview_indices_.reserve(size_t(moving_point_limit_));
    std::vector<float> xyz;
    xyz.reserve(size_t(3 * moving_point_limit_));
    for (int64_t i = 0; i < n && int64_t(preview_indices_.size()) < moving_point_limit_; ++i) {
      const int64_t wanted = moving_point_limit_ - int64_t(preview_indices_.size());
      if (double(n - i) * uniform(random) >= double(wanted)) continue;
      preview_indices_.push_back(i);
      xyz.insert(xyz.end(), snapshot_->points.begin() + 3 * i, snapshot_->points.begin() + 3 * i + 3);
    }
    set_geometry(preview_, xyz.data(), int64_t(preview_indices_.size()), false);
  }
  showPreview(interacting_);
}

void EmbeddingView::showPreview(bool moving) {
  const bool preview = moving && !preview_indices_.empty();
  cloud_actor_->SetVisibility(!preview);
  preview_actor_->SetVisibility(preview);
}

void EmbeddingView::setMovingPointLimit(int64_t limit) {
  moving_point_limit_ = std::max<int64_t>(limit, 0);
  updatePreview();
  updateColors();
  canvas_->requestRender();
}

int64_t EmbeddingView::drawnPointCount() const {
  return cloud_actor_->GetVisibility() ? cloud_->GetNumberOfPoints() : preview_->GetNumberOfPoints();
}

void EmbeddingView::setAnchor(qint64 anchor) {
  anchor_ = anchor;
  if (coloring_ == Coloring::AnchorSet) updateColors();
  updateAnchorMarker();
  updateAnchorProxies();
  updateCaption();
  canvas_->requestRender();
}

void EmbeddingView::setAnchorProxies(AnchorProxiesPtr proxies) {
  anchor_proxies_ = std::move(proxies);
  updateAnchorProxies();
  updateCaption();
  canvas_->requestRender();
}

bool EmbeddingView::anchorProxiesShown() const {
  return snapshot_ && anchor_proxies_ && anchor_ >= 0 && anchor_proxies_->anchor == anchor_ &&
         anchor_ < snapshot_->images && anchor_proxies_->dim > 0 && snapshot_->projection.dim == anchor_proxies_->dim;
}

int EmbeddingView::drawnAnchorProxyCount() const {
  return anchor_proxy_actor_->GetVisibility() ? int(anchor_proxy_points_->GetNumberOfPoints()) : 0;
}

int EmbeddingView::drawnRegionMemberCount() const {
  return region_actor_->GetVisibility() ? int(region_members_->GetNumberOfPoints()) : 0;
}

// S proxies of D values go through the snapshot's projection here: S x 3 x D operations.
void EmbeddingView::updateAnchorProxies() {
  const bool shown = anchorProxiesShown();
  for (vtkActor* actor : {anchor_proxy_actor_.Get(), anchor_link_actor_.Get(), region_actor_.Get()})
    actor->SetVisibility(shown);
  if (!shown) return;
  const AnchorProxies& a = *anchor_proxies_;
  const Snapshot& s = *snapshot_;
  const std::vector<float> xyz = s.projection.apply(a.proxies.data(), a.samples());
  const float* anchor = &s.points[size_t(3 * anchor_)];
  std::vector<float> ends;
  std::vector<QColor> proxy_colors, link_colors;
  for (int64_t k = 0; k < a.samples(); ++k) {
    const QColor color = confidence_color(a.confidence[size_t(k)]);
    proxy_colors.push_back(color);
    ends.insert(ends.end(), anchor, anchor + 3);
    ends.insert(ends.end(), &xyz[size_t(3 * k)], &xyz[size_t(3 * k)] + 3);
    // The link to p*, the proxy that mines, is drawn in the anchor's colour.
    const QColor link = k == a.best ? kAnchorColor : color;
    link_colors.insert(link_colors.end(), {link, link});
  }
  set_geometry(anchor_proxy_points_, xyz.data(), a.samples(), false);
  set_colors(anchor_proxy_points_, proxy_colors);
  set_geometry(anchor_proxy_links_, ends.data(), int64_t(ends.size() / 3), true);
  set_colors(anchor_proxy_links_, link_colors);
  std::vector<float> members;
  for (int64_t member : a.joining)
    if (member >= 0 && member < s.images)
      members.insert(members.end(), &s.points[size_t(3 * member)], &s.points[size_t(3 * member)] + 3);
  set_geometry(region_members_, members.data(), int64_t(members.size() / 3), false);
  set_colors(region_members_, std::vector<QColor>(members.size() / 3, kRegionColor));
}

void EmbeddingView::setColoring(Coloring coloring) {
  coloring_ = coloring;
  if (coloring_box_->currentIndex() != int(coloring)) coloring_box_->setCurrentIndex(int(coloring));
  updateColors();
  canvas_->requestRender();
}

void EmbeddingView::resetCamera() {
  vtkRenderer* renderer = canvas_->renderer();
  renderer->GetActiveCamera()->SetPosition(0, 0, 1);
  renderer->GetActiveCamera()->SetFocalPoint(0, 0, 0);
  renderer->GetActiveCamera()->SetViewUp(0, 1, 0);
  renderer->ResetCamera(cloud_->GetBounds());
  canvas_->requestRender();
}

void EmbeddingView::updateColors() {
  if (!snapshot_) return;
  const Snapshot& s = *snapshot_;
  const int64_t n = s.images;
  std::vector<QColor> colors(static_cast<size_t>(n));
  if (coloring_ == Coloring::Label) {
    for (int64_t i = 0; i < n; ++i) colors[size_t(i)] = label_color(s.labels[size_t(i)], s.num_classes);
  } else if (coloring_ == Coloring::SetSize) {
    int64_t largest = 1;
    for (int64_t i = 0; i < n; ++i) largest = std::max(largest, s.positives.size(i));
    // Sizes are heavy-tailed; a log scale keeps the many small sets apart.
    const double scale = std::log(double(largest));
    for (int64_t i = 0; i < n; ++i)
      colors[size_t(i)] = ramp_color(scale > 0 ? std::log(double(std::max<int64_t>(s.positives.size(i), 1))) / scale : 0);
  } else {
    std::fill(colors.begin(), colors.end(), kOutsideColor);
    if (anchor_ >= 0) {
      const int anchor_label = s.labels[size_t(anchor_)];
      for (int64_t k = s.positives.offsets[size_t(anchor_)]; k < s.positives.offsets[size_t(anchor_) + 1]; ++k) {
        const int64_t member = s.positives.members[size_t(k)];
        colors[size_t(member)] = s.labels[size_t(member)] == anchor_label ? kMatchColor : kMismatchColor;
      }
    }
  }
  set_colors(cloud_, colors);
  if (!preview_indices_.empty()) {
    std::vector<QColor> sampled;
    sampled.reserve(preview_indices_.size());
    for (int64_t i : preview_indices_) sampled.push_back(colors[size_t(i)]);
    set_colors(preview_, sampled);
  }
  updateLegend();
}

void EmbeddingView::updateProxies() {
  const Snapshot& s = *snapshot_;
  const size_t count = s.proxy_anchors.size();
  std::vector<float> ends;
  std::vector<QColor> proxy_colors, link_colors;
  ends.reserve(6 * count);
  for (size_t p = 0; p < count; ++p) {
    const float* anchor = &s.points[size_t(3 * s.proxy_anchors[p])];
    ends.insert(ends.end(), anchor, anchor + 3);
    ends.insert(ends.end(), &s.proxy_points[3 * p], &s.proxy_points[3 * p] + 3);
    const QColor color = confidence_color(s.proxy_confidence[p]);
    proxy_colors.push_back(color);
    link_colors.push_back(color);
    link_colors.push_back(color);
  }
  set_geometry(proxies_, s.proxy_points.data(), int64_t(count), false);
  set_colors(proxies_, proxy_colors);
  set_geometry(links_, ends.data(), int64_t(ends.size() / 3), true);
  set_colors(links_, link_colors);
}

void EmbeddingView::updateAnchorMarker() {
  const bool shown = snapshot_ && anchor_ >= 0;
  marker_actor_->SetVisibility(shown);
  if (!shown) return;
  set_geometry(marker_, &snapshot_->points[size_t(3 * anchor_)], 1, false);
  set_colors(marker_, {kAnchorColor});
}

void EmbeddingView::updateLegend() {
  if (!snapshot_) {
    legend_->hide();
    return;
  }
  const Snapshot& s = *snapshot_;
  if (coloring_ == Coloring::Label) {
    std::vector<ViewLegend::Entry> entries;
    const int shown = std::min(s.num_classes, 20);
    for (int c = 0; c < shown; ++c) entries.push_back({label_color(c, s.num_classes), tr("class %1").arg(c)});
    if (s.num_classes > shown) entries.push_back({kOutsideColor, tr("… %n more", nullptr, s.num_classes - shown)});
    legend_->showEntries(tr("Label"), std::move(entries));
  } else if (coloring_ == Coloring::SetSize) {
    int64_t largest = 1;
    for (int64_t i = 0; i < s.images; ++i) largest = std::max(largest, s.positives.size(i));
    legend_->showRamp(tr("Positive-set size (log)"), 1, double(largest));
  } else {
    legend_->showEntries(tr("Anchor's positive set"), {{kAnchorColor, tr("anchor")},
                                                       {kMatchColor, tr("positive, same label")},
                                                       {kMismatchColor, tr("positive, other label")},
                                                       {kOutsideColor, tr("not in the set")}});
  }
  legend_->move(canvas_->width() - legend_->width() - 10, 10);
  legend_->show();
}

void EmbeddingView::updateCaption() {
  if (!snapshot_) {
    caption_->setText(tr("No run yet. Start a run or open a run directory."));
    caption_->adjustSize();
    caption_->move(10, 10);
    return;
  }
  const Snapshot& s = *snapshot_;
  QString text = tr("Round %1 · %2 · epoch %3 · %n images", nullptr, int(s.images))
                     .arg(s.round + 1).arg(QString::fromStdString(to_string(s.stage))).arg(s.global_epoch);
  if (anchor_ >= 0) {
    text += "\n" + tr("Anchor %1 (label %2), %3 positives").arg(anchor_).arg(s.labels[size_t(anchor_)])
                       .arg(s.positives.size(anchor_));
    auto tracked = std::find(s.proxy_anchors.begin(), s.proxy_anchors.end(), anchor_);
    if (tracked != s.proxy_anchors.end())
      text += "\n" + tr("Proxy confidence %1").arg(double(s.proxy_confidence[size_t(tracked - s.proxy_anchors.begin())]), 0, 'f', 2);
    if (anchor_proxies_ && anchor_proxies_->anchor == anchor_) text += "\n" + anchorProxiesText();
  }
  caption_->setText(text);
  caption_->adjustSize();
  caption_->move(10, 10);
}

QString EmbeddingView::anchorProxiesText() const {
  const AnchorProxies& a = *anchor_proxies_;
  if (!anchorProxiesShown())
    return tr("This snapshot cannot place proxies made now (it holds no projection of its own)");
  const double best = a.confidence[size_t(a.best)];
  QString text = tr("%n proxies made now, the best with confidence %1", nullptr, int(a.samples())).arg(best, 0, 'f', 2);
  if (!a.generator_trained) return text + "\n" + tr("The generator has not been trained yet: these proxies are noise");
  if (best <= a.confidence_threshold)
    return text + "\n" + tr("Below the threshold %1: this anchor mines nothing now").arg(a.confidence_threshold, 0, 'f', 2);
  return text + "\n" + tr("Mining region: cosine to the best proxy above %1; %2 of its %3 nearest images would join")
                           .arg(a.region, 0, 'f', 2).arg(a.joining.size()).arg(a.candidates.size());
}

void EmbeddingView::onCanvasClicked(QPoint position) {
  if (!snapshot_) return;
  auto pick = canvas_->pickPoint(position, kPickTolerance);
  if (pick.prop == cloud_actor_.Get() && pick.point >= 0 && pick.point < snapshot_->images)
    emit anchorPicked(pick.point);
}

QPoint EmbeddingView::screenPosition(int64_t index) {
  vtkNew<vtkCoordinate> coordinate;
  coordinate->SetCoordinateSystemToWorld();
  const float* p = &snapshot_->points[size_t(3 * index)];
  coordinate->SetValue(p[0], p[1], p[2]);
  const int* display = coordinate->GetComputedDisplayValue(canvas_->renderer());
  const qreal ratio = canvas_->devicePixelRatioF();
  return QPoint(int(display[0] / ratio), int((canvas_->renderer()->GetSize()[1] - 1 - display[1]) / ratio));
}

void EmbeddingView::onInteractionStart(vtkObject*, unsigned long, void*) {
  interacting_ = true;
  showPreview(true);
}

void EmbeddingView::onInteractionEnd(vtkObject*, unsigned long, void*) {
  interacting_ = false;
  showPreview(false);
  canvas_->requestRender();
}

QImage EmbeddingView::image() {
  QImage frame = canvas_->grabFramebuffer();
  QPainter painter(&frame);
  for (QWidget* overlay : {static_cast<QWidget*>(legend_), static_cast<QWidget*>(caption_)})
    if (overlay->isVisible()) overlay->render(&painter, overlay->pos());
  return frame;
}

}  // namespace isl::gui
