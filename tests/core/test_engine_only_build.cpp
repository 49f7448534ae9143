// The ISL_ENGINE_ONLY configuration: what GPU machines without Debian's packages build.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "test_registry.h"

class TestEngineOnlyBuild : public QObject {
  Q_OBJECT
 private slots:
  // Configures with every package but LibTorch and the header-only libraries made unfindable:
  // a find of Qt, VTK or pkg-config (matio) would fail the configuration, and nothing that is
  // built may link OpenCV, matio, zlib or Qt.
  void configuresAndLinksWithLibTorchAlone() {
    const QString cmake = QStandardPaths::findExecutable("cmake");
    QVERIFY2(!cmake.isEmpty(), "cmake is not on PATH");
    const QString source = QDir(ISL_TEST_PYTHON_DIR "/../..").canonicalPath();
    QTemporaryDir build;
    QProcess configure;
    configure.setProcessChannelMode(QProcess::MergedChannels);
    configure.start(cmake, {"-S", source, "-B", build.path(), "-G", "Ninja", "-DISL_ENGINE_ONLY=ON",
                            "-DCMAKE_DISABLE_FIND_PACKAGE_Qt6=ON", "-DCMAKE_DISABLE_FIND_PACKAGE_VTK=ON",
                            "-DCMAKE_DISABLE_FIND_PACKAGE_PkgConfig=ON", "-DCMAKE_DISABLE_FIND_PACKAGE_ZLIB=ON",
                            "-DCMAKE_DISABLE_FIND_PACKAGE_OpenMP=ON"});
    QVERIFY(configure.waitForFinished(180000));
    const QString log = configure.readAll();
    QVERIFY2(configure.exitCode() == 0, qPrintable(log));
    QFile ninja(build.filePath("build.ninja"));
    QVERIFY(ninja.open(QIODevice::ReadOnly));
    const QString rules = ninja.readAll();
    for (const char* target : {"isl-train", "isl-bench", "isl-device-check"})
      QVERIFY2(rules.contains(QString("build app/%1").arg(target)) || rules.contains(QString("build bench/%1").arg(target)),
               target);
    for (const char* absent : {"app/studio", "app/report", "tests/core", "libopencv", "libmatio", "libz.", "Qt6", "vtk"})
      QVERIFY2(!rules.contains(absent), absent);
    QVERIFY(rules.contains("without_codecs.cpp"));
    QVERIFY(!rules.contains("folder_dataset.cpp"));
  }
};

ISL_REGISTER_TEST(TestEngineOnlyBuild);
#include "test_engine_only_build.moc"
