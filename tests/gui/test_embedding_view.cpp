#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

#include "synthetic_run.h"
#include "test_registry.h"
#include "widgets/embedding_view.h"
#include "widgets/vtk_gl_widget.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <array>

using isl::gui::EmbeddingView;

namespace {

// A left-button drag through VTK's trackball style, sent as events so that no real cursor
// is involved; `step` is called between the press and the release.
void drag(QWidget* canvas, QPoint from, QPoint to, const std::function<void()>& step) {
  auto send = [canvas](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, canvas->mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(canvas, &event);
  };
  send(QEvent::MouseButtonPress, from, Qt::LeftButton);
  for (int k = 1; k <= 4; ++k) send(QEvent::MouseMove, from + (to - from) * k / 4, Qt::LeftButton);
  step();
  send(QEvent::MouseButtonRelease, to, Qt::NoButton);
}

std::array<double, 9> camera_pose(EmbeddingView& view) {
  vtkCamera* camera = view.canvas()->renderer()->GetActiveCamera();
  std::array<double, 9> pose;
  camera->GetPosition(&pose[0]);
  camera->GetFocalPoint(&pose[3]);
  camera->GetViewUp(&pose[6]);
  return pose;
}

}  // namespace

class EmbeddingViewTest : public QObject {
  Q_OBJECT
 private slots:
  // Clicking where a known point is drawn selects exactly that point.
  void clickSelectsTheVisiblePoint() {
    EmbeddingView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto snapshot = std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(400, 10, 4, 1, 8));
    view.setSnapshot(snapshot);
    QTest::qWait(100);
    QSignalSpy picked(&view, &EmbeddingView::anchorPicked);
    const QPoint at = view.screenPosition(123);
    QTest::mouseClick(view.canvas(), Qt::LeftButton, {}, at);
    QCOMPARE(picked.count(), 1);
    // Another point may lie on the same pixel; the picked one must be drawn there.
    const qint64 index = picked.at(0).at(0).toLongLong();
    QVERIFY((view.screenPosition(index) - at).manhattanLength() <= 8);
  }

  // A view of 50,000 points renders and shows colour, not a black frame.
  void rendersFiftyThousandPoints() {
    EmbeddingView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSnapshot(std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(50000, 10, 2, 0, 16)));
    view.setAnchor(5);
    const QImage image = view.image();
    QVERIFY(!image.isNull());
    image.save(QString(ISL_TEST_ARTIFACTS) + "/embedding-view.png");
    int colored = 0;
    for (int y = 0; y < image.height(); y += 7)
      for (int x = 0; x < image.width(); x += 7) {
        const QColor c = image.pixelColor(x, y);
        if (std::abs(c.red() - c.green()) + std::abs(c.green() - c.blue()) > 60) ++colored;
      }
    QVERIFY2(colored > 100, qPrintable(QString("only %1 coloured pixels").arg(colored)));
  }

  // Software OpenGL cannot turn 50,000 points smoothly: while the camera moves a subsample is
  // drawn, also after a snapshot arrives mid-drag; at rest every point is drawn again.
  void drawsASubsampleWhileTheCameraMoves() {
    EmbeddingView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int64_t n = 50000;
    view.setSnapshot(std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(n, 10, 2, 0, 16)));
    QCOMPARE(view.drawnPointCount(), n);
    const auto before = camera_pose(view);
    const QPoint centre = view.canvas()->rect().center();
    drag(view.canvas(), centre, centre + QPoint(120, 40), [&] {
      QVERIFY(view.drawnPointCount() > 0);
      QVERIFY(view.drawnPointCount() <= EmbeddingView::kDefaultMovingPointLimit);
      QVERIFY(view.drawnPointCount() < n);
      view.setSnapshot(std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(n, 10, 2, 0, 16, 4)));
      QVERIFY(view.drawnPointCount() < n);
    });
    QVERIFY(camera_pose(view) != before);
    QCOMPARE(view.drawnPointCount(), n);
    QVERIFY(!view.image().isNull());

    view.setMovingPointLimit(0);
    drag(view.canvas(), centre, centre + QPoint(-80, 20), [&] { QCOMPARE(view.drawnPointCount(), n); });
  }

  // A live snapshot of the same run moves the points but leaves the camera where the user
  // turned it; a snapshot of another data set is framed afresh.
  void liveSnapshotsKeepTheCamera() {
    EmbeddingView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSnapshot(std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(2000, 10, 2, 0, 8, 1)));
    const auto framed = camera_pose(view);
    const QPoint centre = view.canvas()->rect().center();
    drag(view.canvas(), centre, centre + QPoint(150, -60), [] {});
    const auto turned = camera_pose(view);
    QVERIFY(turned != framed);
    for (int epoch = 2; epoch <= 4; ++epoch) {
      view.setSnapshot(std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(2000, 10, 2, 0, 8, epoch)));
      QCOMPARE(camera_pose(view), turned);
    }
    view.setSnapshot(std::make_shared<const isl::Snapshot>(isl::test::synthetic_snapshot(500, 10, 2, 0, 8)));
    QVERIFY(camera_pose(view) != turned);
  }
};

ISL_REGISTER_TEST(EmbeddingViewTest);
#include "test_embedding_view.moc"
