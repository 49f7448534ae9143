// The proxies of the selected anchor, made on request and drawn in the 3D view.
#include <QLabel>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include "core/run/trainer.h"
#include "core/short_runs.h"
#include "main_window.h"
#include "synthetic_run.h"
#include "test_registry.h"
#include "widgets/anchor_selection.h"
#include "widgets/embedding_view.h"
#include "widgets/log_panel.h"
#include "widgets/snapshot_timeline.h"

using namespace isl::gui;

namespace {

// Three proxies of anchor 5 in three dimensions, two images inside the region.
isl::AnchorProxiesPtr proxies_of_anchor_5(bool trained) {
  isl::AnchorProxies a;
  a.anchor = 5;
  a.generator_trained = trained;
  a.dim = 3;
  a.proxies = {1, 0, 0, 0, 1, 0, 0, 0, 1};
  a.confidence = {0.4f, 0.9f, 0.6f};
  a.best = 1;
  a.confidence_threshold = 0.5;
  a.region = 0.64;
  a.candidates = {15, 25, 35};
  a.similarity = {0.9f, 0.7f, 0.5f};
  a.joining = {15, 25};
  return std::make_shared<const isl::AnchorProxies>(a);
}

QString caption(EmbeddingView& view) { return view.findChild<QLabel*>("viewCaption")->text(); }

}  // namespace

class AnchorProxiesViewTest : public QObject {
  Q_OBJECT
 private slots:
  // Drawn only for the anchor they belong to and only where the snapshot can place them.
  void drawnForTheirAnchorWithTheRegion() {
    EmbeddingView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    isl::Snapshot snapshot = isl::test::synthetic_snapshot(100, 10, 4, 1, 0);
    snapshot.projection = isl::Projection3d{3, {0, 0, 0}, {1, 0, 0, 0, 1, 0, 0, 0, 1}};
    view.setSnapshot(std::make_shared<const isl::Snapshot>(snapshot));
    view.setAnchor(5);
    view.setAnchorProxies(proxies_of_anchor_5(true));
    QCOMPARE(view.drawnAnchorProxyCount(), 3);
    QCOMPARE(view.drawnRegionMemberCount(), 2);
    QVERIFY2(caption(view).contains("2 of its 3 nearest images would join"), qPrintable(caption(view)));
    QVERIFY2(caption(view).contains("0.64"), qPrintable(caption(view)));
    view.image().save(QString(ISL_TEST_ARTIFACTS) + "/anchor-proxies-view.png");

    view.setAnchor(6);
    QCOMPARE(view.drawnAnchorProxyCount(), 0);
    QCOMPARE(view.drawnRegionMemberCount(), 0);
    view.setAnchor(5);
    QCOMPARE(view.drawnAnchorProxyCount(), 3);

    view.setAnchorProxies(proxies_of_anchor_5(false));
    QVERIFY2(caption(view).contains("not been trained yet"), qPrintable(caption(view)));

    snapshot.projection = {};  // a snapshot file from before projections were stored
    view.setSnapshot(std::make_shared<const isl::Snapshot>(snapshot));
    QCOMPARE(view.drawnAnchorProxyCount(), 0);
    QVERIFY2(caption(view).contains("cannot place"), qPrintable(caption(view)));
    view.setAnchorProxies(nullptr);
    QVERIFY(!caption(view).contains("proxies made now"));
  }

  // Selecting an image of a stopped run opens the run on the worker's thread and draws the
  // proxies its generator makes; stepping back in the timeline hides them.
  void aSelectedAnchorOfAStoppedRunGetsItsProxies() {
    QTemporaryDir dir;
    const std::string run = dir.filePath("run").toStdString();
    isl::Config config = isl::test::short_run("isl", 2, 200);
    config.backbone_epochs = 0;
    config.proxy_samples = 4;
    {
      isl::Trainer trainer(config, run);
      trainer.run();
    }
    MainWindow window;
    window.resize(1500, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openRun(QString::fromStdString(run));
    QTRY_VERIFY(window.timeline()->current() != nullptr);
    window.selection()->setAnchor(17);
    QTRY_VERIFY_WITH_TIMEOUT(window.embeddingView()->anchorProxies() != nullptr, 60000);
    QCOMPARE(window.embeddingView()->anchorProxies()->anchor, int64_t(17));
    QCOMPARE(window.embeddingView()->drawnAnchorProxyCount(), 4);
    QCOMPARE(window.log()->count(isl::LogLevel::Warning), 0);
    window.grab().save(QString(ISL_TEST_ARTIFACTS) + "/anchor-proxies-window.png");

    auto* slider = window.timeline()->findChild<QSlider*>();
    QVERIFY(slider && slider->maximum() > 0);
    slider->setValue(0);
    QTRY_COMPARE(window.embeddingView()->drawnAnchorProxyCount(), 0);
    QVERIFY(window.embeddingView()->anchorProxies() == nullptr);
    slider->setValue(slider->maximum());  // back at the newest: asked for again
    QTRY_COMPARE_WITH_TIMEOUT(window.embeddingView()->drawnAnchorProxyCount(), 4, 60000);
  }
};

ISL_REGISTER_TEST(AnchorProxiesViewTest);
#include "test_anchor_proxies_view.moc"
