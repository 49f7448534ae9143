#pragma once
#include <QCommandLineParser>
#include <QString>

namespace isl::gui {

class MainWindow;

// isl-studio's command line: --help, --version and an optional run directory to open at
// start. QCommandLineParser::process prints help or version, or rejects an unknown option,
// and exits.
void describe_command_line(QCommandLineParser& parser);

// What is wrong with a parsed command line beyond what QCommandLineParser reports (more than
// one run directory); empty when nothing is.
QString command_line_problem(const QCommandLineParser& parser);

// Opens the run directory named on the command line, if any, the way File > Open does, so a
// folder that is not a run directory gets the same message.
void open_command_line_run(MainWindow& window, const QCommandLineParser& parser);

}  // namespace isl::gui
