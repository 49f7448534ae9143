#include <QApplication>
#include <QSettings>
#include <QSurfaceFormat>

#include "language.h"
#include "main_window.h"
#include "widgets/metatypes.h"

int main(int argc, char** argv) {
  // VTK's OpenGL2 backend needs a 3.2 core context; the default must be set before
  // QApplication creates the shared context.
  QSurfaceFormat format;
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  QSurfaceFormat::setDefaultFormat(format);

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
