#include <QSignalSpy>
#include <QTest>

#include "synthetic_run.h"
#include "test_registry.h"
#include "widgets/embedding_view.h"
#include "widgets/vtk_gl_widget.h"

using isl::gui::EmbeddingView;

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
};

ISL_REGISTER_TEST(EmbeddingViewTest);
#include "test_embedding_view.moc"
