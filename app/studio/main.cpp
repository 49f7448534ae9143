#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <cstdio>

#include "command_line.h"
#include "language.h"
#include "main_window.h"
#include "widgets/metatypes.h"
#include "widgets/vtk_gl_widget.h"

int main(int argc, char** argv) {
  isl::gui::use_vtk_surface_format();

  QApplication app(argc, argv);
  QApplication::setOrganizationName("ISL Studio");
  QApplication::setApplicationName("ISL Studio");
  QApplication::setApplicationVersion(ISL_VERSION);
  isl::gui::register_metatypes();
  // Before the command line, so that --help speaks the chosen language.
  isl::gui::apply_language(QSettings().value("ui/language").toString());

  QCommandLineParser parser;
  isl::gui::describe_command_line(parser);
  parser.process(app);
  if (const QString problem = isl::gui::command_line_problem(parser); !problem.isEmpty()) {
    std::fprintf(stderr, "%s\n", qPrintable(problem));
    return 1;
  }

  isl::gui::MainWindow window;
  window.resize(1500, 950);
  window.show();
  isl::gui::open_command_line_run(window, parser);
  return app.exec();
}
