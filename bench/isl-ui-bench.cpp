// How responsive ISL Studio stays: (a) the UI event loop's lateness while the worker trains,
// (b) the 3D view's frame time at rest and while the camera turns, with and without the
// subsample drawn during camera moves. Prints one JSON object per line. Needs a real X
// display (run under xvfb-run): Qt 6.4's offscreen platform crashes QOpenGLWidget.
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "main_window.h"
#include "training_worker.h"
#include "widgets/embedding_view.h"
#include "widgets/vtk_gl_widget.h"

namespace {

using nlohmann::json;

json summary(std::vector<double> samples_ms) {
  if (samples_ms.empty()) return {{"samples", 0}};
  std::sort(samples_ms.begin(), samples_ms.end());
  auto at = [&](double q) { return samples_ms[std::min(samples_ms.size() - 1, size_t(q * double(samples_ms.size())))]; };
  auto round2 = [](double v) { return std::round(v * 100) / 100; };
  return {{"samples", samples_ms.size()}, {"median_ms", round2(at(0.5))}, {"p95_ms", round2(at(0.95))},
          {"max_ms", round2(samples_ms.back())}};
}

void print(json line) { std::cout << line.dump() << std::endl; }

void wait_exposed(QWidget& widget) {
  while (!widget.windowHandle() || !widget.windowHandle()->isExposed()) QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
  QApplication::processEvents();
}

// Runs the event loop for `seconds` (or until `done`) with a 10 ms timer and returns how late
// each tick came, in milliseconds beyond its 10 ms period.
std::vector<double> timer_lateness(double seconds, const std::function<bool()>& done) {
  std::vector<double> late;
  QElapsedTimer clock, total;
  QTimer tick;
  tick.setTimerType(Qt::PreciseTimer);
  tick.setInterval(10);
  QEventLoop loop;
  QObject::connect(&tick, &QTimer::timeout, [&] {
    late.push_back(std::max(0.0, double(clock.nsecsElapsed()) / 1e6 - 10.0));
    clock.restart();
    if (double(total.elapsed()) / 1000 > seconds || done()) loop.quit();
  });
  total.start();
  clock.start();
  tick.start();
  loop.exec();
  return late;
}

// (a) A short run on the built-in digits, shown live in the main window.
void bench_event_loop(int64_t images, double seconds) {
  isl::gui::MainWindow window;
  window.resize(1500, 950);
  window.show();
  wait_exposed(window);
  print({{"bench", "event_loop"}, {"phase", "idle"}, {"stats", summary(timer_lateness(2, [] { return false; }))}});

  QTemporaryDir dir;
  isl::Config config;
  config.max_train_images = images;
  config.max_test_images = 500;
  config.rounds = 2;
  config.backbone_epochs = 3;
  config.gan_epochs = 4;
  config.mining_epochs = 2;
  config.batch = 64;
  config.feature_dim = 32;
  config.knn_k = 50;
  config.device = "cpu";
  bool finished = false;
  int snapshots = 0;
  QObject::connect(window.worker(), &isl::gui::TrainingWorker::finished, [&] { finished = true; });
  QObject::connect(window.worker(), &isl::gui::TrainingWorker::snapshot, [&] { ++snapshots; });
  window.startRun(config, dir.filePath("run"));
  const auto late = timer_lateness(seconds, [&] { return finished; });
  print({{"bench", "event_loop"}, {"phase", "training"}, {"train_images", images}, {"snapshots_shown", snapshots},
         {"run_finished", finished}, {"stats", summary(late)}});
  window.stopRun();
  while (!finished) QApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
}

// `images` points in ten Gaussian-ish clusters on a ring, like a trained MNIST embedding.
isl::SnapshotPtr cloud(int64_t images) {
  isl::Snapshot s;
  s.images = images;
  s.num_classes = 10;
  for (int64_t i = 0; i < images; ++i) {
    const int label = int((i * 7919) % 10);
    const double angle = 2 * M_PI * label / 10;
    s.labels.push_back(label);
    s.points.push_back(float(std::cos(angle) + 0.2 * std::sin(double(i) * 12.9898)));
    s.points.push_back(float(std::sin(angle) + 0.2 * std::cos(double(i) * 78.233)));
    s.points.push_back(float(0.4 * std::sin(double(i) * 3.1)));
  }
  for (isl::SetRows* rows : {&s.positives, &s.euclidean}) {
    rows->offsets.push_back(0);
    for (int64_t i = 0; i < images; ++i) {
      rows->members.push_back(i);
      rows->rounds.push_back(-1);
      rows->offsets.push_back(int64_t(rows->members.size()));
    }
  }
  return std::make_shared<const isl::Snapshot>(std::move(s));
}

void send_mouse(QWidget* target, QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
  QMouseEvent event(type, at, target->mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
  QApplication::sendEvent(target, &event);
}

// How long until `change` is on screen: from the change to the end of the window's buffer
// swap, as a user sees it (QWidget::repaint is not synchronous for a QOpenGLWidget in Qt 6).
double frame_ms(isl::gui::VtkGlWidget* canvas, const std::function<void()>& change) {
  QEventLoop loop;
  auto swapped = QObject::connect(canvas, &QOpenGLWidget::frameSwapped, &loop, &QEventLoop::quit);
  QTimer::singleShot(5000, &loop, &QEventLoop::quit);
  QElapsedTimer clock;
  clock.start();
  change();
  loop.exec();
  QObject::disconnect(swapped);
  return double(clock.nsecsElapsed()) / 1e6;
}

// The draw alone: grabFramebuffer renders the scene and reads it back, which waits for it.
double render_ms(isl::gui::VtkGlWidget* canvas) {
  QElapsedTimer clock;
  clock.start();
  canvas->requestRender();
  canvas->grabFramebuffer();
  return double(clock.nsecsElapsed()) / 1e6;
}

// (b) Frame times of the 3D view at rest and while a left drag turns the camera through
// VTK's trackball style, without and with the subsample drawn during camera moves.
void bench_view(int64_t points, int frames) {
  isl::gui::EmbeddingView view;
  view.resize(1100, 750);
  view.show();
  wait_exposed(view);
  view.setSnapshot(cloud(points));
  auto* canvas = view.canvas();
  canvas->makeCurrent();
  const auto* renderer = reinterpret_cast<const char*>(canvas->context()->functions()->glGetString(GL_RENDERER));
  print({{"bench", "gl"}, {"renderer", renderer ? renderer : "?"}, {"canvas", {canvas->width(), canvas->height()}}});
  canvas->doneCurrent();
  const QPoint centre = canvas->rect().center();

  for (const bool subsample : {false, true}) {
    view.setMovingPointLimit(subsample ? isl::gui::EmbeddingView::kDefaultMovingPointLimit : 0);
    render_ms(canvas);  // uploads the point buffers outside the timing
    std::vector<double> rest_frame, rest_render;
    for (int f = 0; f < frames; ++f) {
      rest_frame.push_back(frame_ms(canvas, [&] { canvas->requestRender(); }));
      rest_render.push_back(render_ms(canvas));
    }
    print({{"bench", "view_frame"}, {"points", points}, {"subsample_while_moving", subsample}, {"phase", "rest"},
           {"drawn_points", view.drawnPointCount()}, {"frame", summary(rest_frame)}, {"render", summary(rest_render)}});

    send_mouse(canvas, QEvent::MouseButtonPress, centre, Qt::LeftButton);
    const int64_t drawn_moving = view.drawnPointCount();
    render_ms(canvas);
    std::vector<double> moving_frame, moving_render;
    for (int f = 1; f <= frames; ++f) {
      const QPoint at = centre + QPoint(int(200 * std::sin(f * 0.2)), int(100 * std::sin(f * 0.13)));
      moving_frame.push_back(frame_ms(canvas, [&] { send_mouse(canvas, QEvent::MouseMove, at, Qt::LeftButton); }));
      moving_render.push_back(render_ms(canvas));
    }
    send_mouse(canvas, QEvent::MouseButtonRelease, centre, Qt::NoButton);
    print({{"bench", "view_frame"}, {"points", points}, {"subsample_while_moving", subsample}, {"phase", "moving"},
           {"drawn_points", drawn_moving}, {"frame", summary(moving_frame)}, {"render", summary(moving_render)}});
    view.resetCamera();
  }
}

}  // namespace

int main(int argc, char** argv) {
  isl::gui::use_vtk_surface_format();
  QApplication app(argc, argv);
  QApplication::setOrganizationName("ISL Studio Bench");  // keeps the user's window layout untouched
  isl::gui::register_metatypes();

  QCommandLineParser parser;
  parser.setApplicationDescription("ISL Studio responsiveness benchmark; prints JSON lines.");
  parser.addHelpOption();
  QCommandLineOption only({"o", "only"}, "Run one part: event-loop or view.", "part");
  QCommandLineOption images("train-images", "Training images for the event-loop run.", "n", "2000");
  QCommandLineOption seconds("seconds", "Longest time to measure the event loop while training.", "s", "60");
  QCommandLineOption points("points", "Points in the 3D view.", "n", "50000");
  QCommandLineOption frames("frames", "Frames to time per case.", "n", "30");
  parser.addOptions({only, images, seconds, points, frames});
  parser.process(app);
  const QString part = parser.value(only);
  if (part.isEmpty() || part == "event-loop") bench_event_loop(parser.value(images).toLongLong(), parser.value(seconds).toDouble());
  if (part.isEmpty() || part == "view") bench_view(parser.value(points).toLongLong(), parser.value(frames).toInt());
  return 0;
}
