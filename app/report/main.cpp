// isl-report DIR: the report of an experiment that `isl-train experiment FILE --out DIR` ran,
// in DIR/report/. A program with Qt but no window: the plots are drawn with the window's chart
// style and written as files.
#include <QApplication>

#include <cstdio>
#include <cstring>
#include <exception>

#include "core/input_error.h"
#include "experiment_report.h"

namespace {

void print_usage(std::FILE* to) {
  std::fprintf(to,
               "Usage: isl-report DIR\n"
               "Writes DIR/report/ for the experiment folder DIR of `isl-train experiment FILE --out DIR`:\n"
               "report.md and report.html, the accuracy table per method (table1.csv), the paired differences\n"
               "against the first method, positive-set precision plots (PNG, SVG, CSV) and the statistics of\n"
               "the mined pairs. Exit status: 0 written; 2 DIR is not an experiment folder or a file is bad; 1 a failure.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    print_usage(stdout);
    return 0;
  }
  if (argc != 2) {
    print_usage(stderr);
    return 2;
  }
  // Qt Charts draws through widgets' graphics scene, which needs a QApplication; without a
  // platform chosen, the offscreen one lets the report run where there is no display.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  try {
    const std::string report = isl::report::write_experiment_report(argv[1]);
    std::printf("report: %s\n", report.c_str());
    return 0;
  } catch (const isl::InputError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
  }
}
