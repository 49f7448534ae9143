#include "command_line.h"

#include <QCoreApplication>

#include "main_window.h"

namespace isl::gui {

void describe_command_line(QCommandLineParser& parser) {
  parser.setApplicationDescription(QCoreApplication::translate(
      "isl::gui::CommandLine", "Trains Instance Similarity Learning and shows what the method does while it trains."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(
      "RUN_DIR",
      QCoreApplication::translate("isl::gui::CommandLine",
                                  "Run directory to open at start: a run to replay, or one that isl-train is writing, to follow."),
      "[RUN_DIR]");
}

QString command_line_problem(const QCommandLineParser& parser) {
  const QStringList directories = parser.positionalArguments();
  if (directories.size() <= 1) return {};
  return QCoreApplication::translate("isl::gui::CommandLine", "Give at most one run directory, not %1: %2")
      .arg(directories.size())
      .arg(directories.join(' '));
}

void open_command_line_run(MainWindow& window, const QCommandLineParser& parser) {
  const QStringList directories = parser.positionalArguments();
  if (!directories.isEmpty()) window.openRun(directories.front());
}

}  // namespace isl::gui
