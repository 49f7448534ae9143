#pragma once
// Hand-offs between threads through Qt, made visible to ThreadSanitizer.
//
// Qt's event queue, thread pool and futures synchronise with futexes inside the Qt library,
// which a -DISL_SANITIZE=thread build does not instrument: ThreadSanitizer cannot see that a
// value written on the training thread and carried by a queued signal is read on the UI thread
// only after Qt delivered it, and reports a data race for every such value. These calls state
// the order Qt guarantees: handoff_release() on the sending thread just before a value leaves
// through Qt (an emit towards another thread, a queued call, a task for the thread pool), and
// handoff_acquire() on the receiving thread where it arrives (every event Qt delivers, once
// track_qt_handoffs() ran, and the start of each task of run_in_pool()). In other builds they
// compile to nothing.
//
// One token stands for every hand-off: an arrival is ordered after every earlier departure, not
// only after the one it carries. That matches this program, whose traffic through Qt runs
// between the UI thread and either the training worker or a pool task; the engine's own threads
// synchronise with std::mutex and atomics, which ThreadSanitizer sees without help. What Qt
// copies after a release (queued arguments, stored results) is in tests/gui/tsan.supp.
#include <QFuture>
#include <QPromise>
#include <QRunnable>
#include <QThreadPool>

#include <exception>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#define ISL_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ISL_TSAN 1
#endif
#endif

#ifdef ISL_TSAN
#include <QtCore/qnamespace.h>
#include <sanitizer/tsan_interface.h>
#endif

namespace isl::gui {

#ifdef ISL_TSAN
inline char handoff_token;
inline void handoff_release() { __tsan_release(&handoff_token); }
inline void handoff_acquire() { __tsan_acquire(&handoff_token); }
// Every event Qt delivers, on any thread, is an arrival. Call once, after the QApplication
// exists; calling again does nothing.
inline void track_qt_handoffs() {
  static const bool registered = QInternal::registerCallback(QInternal::EventNotifyCallback, [](void**) {
    handoff_acquire();
    return false;  // deliver the event as usual
  });
  (void)registered;
}
#else
inline void handoff_release() {}
inline void handoff_acquire() {}
inline void track_qt_handoffs() {}
#endif

// QtConcurrent::run for one task, with its hand-offs stated: the task is handed to the pool
// after it is built, and its result to the thread that reads the future after it is stored.
// (QtConcurrent copies the task on the pool thread before the task's own code runs, too early
// for a handoff_acquire() inside it.) An exception from the task reaches future.result() as
// thrown; QtConcurrent would wrap it in a QUnhandledException without its message.
template <class Task>
QFuture<std::invoke_result_t<Task&>> run_in_pool(Task task) {
  using Result = std::invoke_result_t<Task&>;
  class Runnable : public QRunnable {
   public:
    explicit Runnable(Task task) : task_(std::move(task)) {}
    QFuture<Result> future() { return promise_.future(); }
    void run() override {
      handoff_acquire();
      promise_.start();
      try {
        promise_.addResult(task_());
      } catch (...) {
        promise_.setException(std::current_exception());
      }
      handoff_release();
      promise_.finish();
    }

   private:
    Task task_;
    QPromise<Result> promise_;
  };
  auto* runnable = new Runnable(std::move(task));  // the pool deletes it after run()
  QFuture<Result> future = runnable->future();
  handoff_release();
  QThreadPool::globalInstance()->start(runnable);
  return future;
}

}  // namespace isl::gui
