#pragma once
// The tests' independent readers are Python scripts in tests/python, run with Debian's
// /usr/bin/python3 (the interpreter whose packages setup installs, whatever else is on PATH).
#include <QProcess>
#include <QString>
#include <QStringList>

#include <string>

namespace isl::test {

inline QString python_script(const char* name) { return QString(ISL_TEST_PYTHON_DIR) + "/" + name; }

// Runs /usr/bin/python3 with `arguments`; its standard output, or why it failed in `problem`
// (with the script's standard error, which names a missing module).
inline bool run_python(const QStringList& arguments, std::string& output, QString& problem) {
  QProcess python;
  python.start("/usr/bin/python3", arguments);
  if (!python.waitForStarted(30000)) {
    problem = "/usr/bin/python3 does not start; install the Debian package python3";
    return false;
  }
  python.waitForFinished(120000);
  output = python.readAllStandardOutput().toStdString();
  if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
    problem = QString("python3 %1 failed (status %2): %3")
                  .arg(arguments.join(' '))
                  .arg(python.exitCode())
                  .arg(QString::fromUtf8(python.readAllStandardError()));
    return false;
  }
  return true;
}

}  // namespace isl::test
