#pragma once
#include <QOpenGLWidget>

#include <vtkNew.h>

#include <cstdint>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;
class vtkRenderer;
class vtkProp;
class vtkObject;

namespace isl::gui {

// Hosts a VTK scene in a Qt 6 QOpenGLWidget. Debian's VTK Qt module is built for Qt 5, so
// this does its job: VTK renders into its own framebuffers inside Qt's context, and paintGL
// blits the result into the widget's framebuffer. Qt changes GL state behind VTK's state
// cache, so every VTK render and pick resets and saves that cache around it.
// VTK's OpenGL2 backend needs a 3.2 core context: makes that the default surface format.
// Call before creating the QApplication (which creates the shared context).
void use_vtk_surface_format();

class VtkGlWidget : public QOpenGLWidget {
  Q_OBJECT
 public:
  explicit VtkGlWidget(QWidget* parent = nullptr);
  ~VtkGlWidget() override;

  vtkRenderer* renderer() const;
  vtkGenericRenderWindowInteractor* interactor() const;
  // The scene changed: render it again at the next paint. Paints without a change only
  // blit the last image, which is several times cheaper under software OpenGL.
  void requestRender();

  struct Pick {
    vtkProp* prop = nullptr;
    int64_t point = -1;  // point id within the prop's data set
  };
  // The visible point nearest to `position` (widget coordinates) within `tolerance` pixels.
  Pick pickPoint(QPoint position, int tolerance);

 signals:
  // A left click without dragging, so a rotation never selects an anchor.
  void clicked(QPoint position);

 protected:
  void initializeGL() override;
  void resizeGL(int width, int height) override;
  void paintGL() override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;

 private:
  void forwardMouse(QMouseEvent* event, unsigned long vtk_event);
  void renderVtk();
  void onMakeCurrent(vtkObject*, unsigned long, void*);
  void onIsCurrent(vtkObject*, unsigned long, void* answer);
  void onInteractorRender(vtkObject*, unsigned long, void*);

  vtkNew<vtkGenericOpenGLRenderWindow> window_;
  vtkNew<vtkRenderer> renderer_;
  vtkNew<vtkGenericRenderWindowInteractor> interactor_;
  bool needs_render_ = true;
  QPoint press_position_;
  bool dragged_ = false;
};

}  // namespace isl::gui
