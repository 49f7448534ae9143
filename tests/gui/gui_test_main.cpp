#include <QApplication>
#include "test_registry.h"
#include "widgets/metatypes.h"
#include "widgets/vtk_gl_widget.h"

// The widgets need a real X display (Xvfb): Qt 6.4's offscreen platform crashes QOpenGLWidget.
int main(int argc, char** argv) {
  isl::gui::use_vtk_surface_format();
  QApplication app(argc, argv);
  isl::gui::register_metatypes();
  return isl::test::run_registered_tests(argc, argv);
}
