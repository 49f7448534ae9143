#include "widgets/vtk_gl_widget.h"

#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QSurfaceFormat>
#include <QWheelEvent>

#include <vtkCallbackCommand.h>
#include <vtkDataObject.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkHardwareSelector.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

namespace isl::gui {

namespace {
constexpr int kClickSlop = 4;  // pixels a press may move and still count as a click
}

VtkGlWidget::VtkGlWidget(QWidget* parent) : QOpenGLWidget(parent) {
  window_->AddRenderer(renderer_);
  window_->SetReadyForRendering(false);
  window_->SetOwnContext(false);
  // Qt owns the widget's framebuffer; paintGL blits VTK's image there itself.
  window_->SetFrameBlitModeToNoBlit();
  // VTK asks for 8x multisampling by default; under software OpenGL that multiplies every
  // frame's fill and resolve cost, and single-pixel points gain nothing from it.
  window_->SetMultiSamples(0);
  window_->AddObserver(vtkCommand::WindowMakeCurrentEvent, this, &VtkGlWidget::onMakeCurrent);
  window_->AddObserver(vtkCommand::WindowIsCurrentEvent, this, &VtkGlWidget::onIsCurrent);

  vtkNew<vtkInteractorStyleTrackballCamera> style;
  interactor_->SetInteractorStyle(style);
  interactor_->SetRenderWindow(window_);
  // The interactor asks for renders while the camera moves; they become repaints so that
  // Qt coalesces them with its own.
  interactor_->EnableRenderOff();
  interactor_->AddObserver(vtkCommand::RenderEvent, this, &VtkGlWidget::onInteractorRender);
  setMouseTracking(false);
  setFocusPolicy(Qt::StrongFocus);
}

VtkGlWidget::~VtkGlWidget() {
  // VTK frees its GL objects now, while Qt's context still exists.
  makeCurrent();
  window_->Finalize();
  doneCurrent();
}

vtkRenderer* VtkGlWidget::renderer() const { return renderer_; }
vtkGenericRenderWindowInteractor* VtkGlWidget::interactor() const { return interactor_; }

void VtkGlWidget::requestRender() {
  needs_render_ = true;
  update();
}

void VtkGlWidget::onMakeCurrent(vtkObject*, unsigned long, void*) {
  if (QOpenGLContext::currentContext() != context()) makeCurrent();
}

void VtkGlWidget::onIsCurrent(vtkObject*, unsigned long, void* answer) {
  *static_cast<bool*>(answer) = context() && QOpenGLContext::currentContext() == context();
}

void VtkGlWidget::onInteractorRender(vtkObject*, unsigned long, void*) { requestRender(); }

void VtkGlWidget::initializeGL() {
  window_->SetIsCurrent(true);
  window_->OpenGLInitContext();
  const qreal ratio = devicePixelRatioF();
  window_->SetSize(int(width() * ratio), int(height() * ratio));
  interactor_->Initialize();
  needs_render_ = true;
}

void VtkGlWidget::resizeGL(int width, int height) {
  const qreal ratio = devicePixelRatioF();
  window_->SetSize(int(width * ratio), int(height * ratio));
  interactor_->UpdateSize(int(width * ratio), int(height * ratio));
  needs_render_ = true;
}

void VtkGlWidget::renderVtk() {
  vtkOpenGLState* state = window_->GetState();
  state->Reset();
  state->Push();
  // Qt leaves GL_LESS; VTK's shaders expect GL_LEQUAL.
  state->vtkglDepthFunc(GL_LEQUAL);
  window_->SetReadyForRendering(true);
  window_->Render();
  window_->SetReadyForRendering(false);
  state->Pop();
  needs_render_ = false;
}

void VtkGlWidget::paintGL() {
  if (needs_render_) renderVtk();
  vtkOpenGLState* state = window_->GetState();
  state->Reset();
  state->Push();
  const int* size = window_->GetSize();
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
  state->vtkglViewport(0, 0, size[0], size[1]);
  state->vtkglDisable(GL_SCISSOR_TEST);
  window_->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, size[0], size[1],
                                  GL_COLOR_BUFFER_BIT, GL_NEAREST);
  state->Pop();
}

VtkGlWidget::Pick VtkGlWidget::pickPoint(QPoint position, int tolerance) {
  const qreal ratio = devicePixelRatioF();
  const int* size = window_->GetSize();
  const int x = int(position.x() * ratio);
  const int y = size[1] - 1 - int(position.y() * ratio);
  if (x < 0 || y < 0 || x >= size[0] || y >= size[1]) return {};
  makeCurrent();
  vtkOpenGLState* state = window_->GetState();
  state->Reset();
  state->Push();
  window_->SetReadyForRendering(true);
  vtkNew<vtkHardwareSelector> selector;
  selector->SetRenderer(renderer_);
  selector->SetFieldAssociation(vtkDataObject::FIELD_ASSOCIATION_POINTS);
  selector->SetArea(unsigned(std::max(0, x - tolerance)), unsigned(std::max(0, y - tolerance)),
                    unsigned(std::min(size[0] - 1, x + tolerance)), unsigned(std::min(size[1] - 1, y + tolerance)));
  Pick pick;
  if (selector->CaptureBuffers()) {
    const unsigned int at[2] = {unsigned(x), unsigned(y)};
    unsigned int found[2];
    auto info = selector->GetPixelInformation(at, tolerance, found);
    if (info.Valid) pick = {info.Prop, int64_t(info.AttributeID)};
  }
  window_->SetReadyForRendering(false);
  state->Pop();
  doneCurrent();
  // The selector drew its id passes into VTK's framebuffer; the scene must be drawn again.
  requestRender();
  return pick;
}

void VtkGlWidget::forwardMouse(QMouseEvent* event, unsigned long vtk_event) {
  const qreal ratio = devicePixelRatioF();
  const QPointF at = event->position() * ratio;
  interactor_->SetEventInformationFlipY(int(at.x()), int(at.y()),
                                        (event->modifiers() & Qt::ControlModifier) ? 1 : 0,
                                        (event->modifiers() & Qt::ShiftModifier) ? 1 : 0);
  interactor_->InvokeEvent(vtk_event, event);
}

void VtkGlWidget::mousePressEvent(QMouseEvent* event) {
  press_position_ = event->position().toPoint();
  dragged_ = false;
  switch (event->button()) {
    case Qt::LeftButton: forwardMouse(event, vtkCommand::LeftButtonPressEvent); break;
    case Qt::MiddleButton: forwardMouse(event, vtkCommand::MiddleButtonPressEvent); break;
    case Qt::RightButton: forwardMouse(event, vtkCommand::RightButtonPressEvent); break;
    default: break;
  }
}

void VtkGlWidget::mouseMoveEvent(QMouseEvent* event) {
  if ((event->position().toPoint() - press_position_).manhattanLength() > kClickSlop) dragged_ = true;
  forwardMouse(event, vtkCommand::MouseMoveEvent);
}

void VtkGlWidget::mouseReleaseEvent(QMouseEvent* event) {
  switch (event->button()) {
    case Qt::LeftButton: forwardMouse(event, vtkCommand::LeftButtonReleaseEvent); break;
    case Qt::MiddleButton: forwardMouse(event, vtkCommand::MiddleButtonReleaseEvent); break;
    case Qt::RightButton: forwardMouse(event, vtkCommand::RightButtonReleaseEvent); break;
    default: break;
  }
  if (event->button() == Qt::LeftButton && !dragged_) emit clicked(event->position().toPoint());
}

void VtkGlWidget::wheelEvent(QWheelEvent* event) {
  const qreal ratio = devicePixelRatioF();
  const QPointF at = event->position() * ratio;
  interactor_->SetEventInformationFlipY(int(at.x()), int(at.y()));
  const int steps = event->angleDelta().y();
  if (steps > 0) interactor_->InvokeEvent(vtkCommand::MouseWheelForwardEvent, event);
  else if (steps < 0) interactor_->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, event);
}

void use_vtk_surface_format() {
  QSurfaceFormat format;
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  QSurfaceFormat::setDefaultFormat(format);
}

}  // namespace isl::gui
