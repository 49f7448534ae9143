#include <QApplication>
#include <QSettings>

#include "language.h"
#include "main_window.h"
#include "widgets/metatypes.h"
#include "widgets/vtk_gl_widget.h"

int main(int argc, char** argv) {
  isl::gui::use_vtk_surface_format();

  QApplication app(argc, argv);
  QApplication::setOrganizationName("ISL Studio");
  QApplication::setApplicationName("ISL Studio");
  QApplication::setApplicationVersion("0.1.0");
  isl::gui::register_metatypes();
  isl::gui::apply_language(QSettings().value("ui/language").toString());

  isl::gui::MainWindow window;
  window.resize(1500, 950);
  window.show();
  // A run directory on the command line is opened for replay.
  if (argc > 1) window.openRun(QString::fromLocal8Bit(argv[1]));
  return app.exec();
}
