// isl-studio's command line: the parsing and the run directory it opens in the window, and the
// built program's --version, --help and refusals.
#include <QCommandLineParser>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "command_line.h"
#include "dialog_catcher.h"
#include "main_window.h"
#include "synthetic_run.h"
#include "test_registry.h"
#include "widgets/snapshot_timeline.h"

using namespace isl::gui;

namespace {

bool parse(QCommandLineParser& parser, const QStringList& arguments) {
  describe_command_line(parser);
  return parser.parse(QStringList{"isl-studio"} + arguments);
}

struct Finished {
  int status;
  QString out, err;
};

// The built program with an empty settings folder and the C locale, so that it speaks English
// whatever the user's preferences say.
Finished run_studio(const QStringList& arguments) {
  QTemporaryDir settings;
  QProcess process;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert("XDG_CONFIG_HOME", settings.path());
  environment.insert("LC_ALL", "C");
  environment.insert("LANGUAGE", "C");
  process.setProcessEnvironment(environment);
  process.start(ISL_STUDIO_EXECUTABLE, arguments);
  if (!process.waitForFinished(60000)) {
    process.kill();
    process.waitForFinished();
    return {-1, {}, "did not finish"};
  }
  return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
          QString::fromLocal8Bit(process.readAllStandardOutput()), QString::fromLocal8Bit(process.readAllStandardError())};
}

}  // namespace

class CommandLineTest : public QObject {
  Q_OBJECT
 private slots:
  void theRunDirectoryGivenOpensInTheWindow() {
    QTemporaryDir dir;
    isl::test::write_synthetic_run(dir.path().toStdString(), 200, 2);
    QCommandLineParser parser;
    QVERIFY(parse(parser, {dir.path()}));
    QVERIFY(command_line_problem(parser).isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    open_command_line_run(window, parser);
    QCOMPARE(window.runDirectory(), dir.path());
    QTRY_VERIFY(window.timeline()->current() != nullptr);
    QCOMPARE(window.timeline()->current()->global_epoch, 2);
  }

  void withoutOneNothingOpens() {
    QCommandLineParser parser;
    QVERIFY(parse(parser, {}));
    QVERIFY(command_line_problem(parser).isEmpty());
    MainWindow window;
    open_command_line_run(window, parser);
    QVERIFY(window.runDirectory().isEmpty());
    QCOMPARE(window.timeline()->current(), nullptr);
  }

  // The message is the one File > Open gives for the same folder.
  void aFolderThatIsNotARunGetsTheOpenDialogsMessage() {
    QTemporaryDir dir;
    isl::test::DialogCatcher dialogs;
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openRun(dir.path());
    QTRY_COMPARE(dialogs.seen().size(), 1);
    QCommandLineParser parser;
    QVERIFY(parse(parser, {dir.path()}));
    open_command_line_run(window, parser);
    QTRY_COMPARE(dialogs.seen().size(), 2);
    QCOMPARE(dialogs.seen().at(1), dialogs.seen().at(0));
    QVERIFY2(dialogs.seen().at(1).contains(dir.path()), qPrintable(dialogs.seen().at(1)));
    QVERIFY(window.runDirectory().isEmpty());
  }

  void moreThanOneRunDirectoryIsRefused() {
    QCommandLineParser parser;
    QVERIFY(parse(parser, {"/a", "/b"}));
    QVERIFY2(command_line_problem(parser).contains("/a /b"), qPrintable(command_line_problem(parser)));
    const Finished run = run_studio({"/a", "/b"});
    QCOMPARE(run.status, 1);
    QVERIFY2(run.err.contains("/a /b"), qPrintable(run.err));
  }

  void versionIsTheProjects() {
    const Finished run = run_studio({"--version"});
    QCOMPARE(run.status, 0);
    QCOMPARE(run.out, QString("ISL Studio " ISL_VERSION "\n"));
  }

  void helpNamesEveryOption() {
    const Finished run = run_studio({"--help"});
    QCOMPARE(run.status, 0);
    for (const char* expected : {"Usage:", "[RUN_DIR]", "--help", "--version", "Run directory to open at start"})
      QVERIFY2(run.out.contains(expected), qPrintable(expected + QString(" missing from:\n") + run.out));
  }

  void anUnknownOptionIsRefused() {
    const Finished run = run_studio({"--no-such-option"});
    QVERIFY(run.status != 0);
    QVERIFY2(run.err.contains("no-such-option"), qPrintable(run.err));
  }
};

ISL_REGISTER_TEST(CommandLineTest);
#include "test_command_line.moc"
