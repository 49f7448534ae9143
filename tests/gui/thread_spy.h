#pragma once
// QSignalSpy for signals emitted on another thread (the training worker's). QSignalSpy records
// through a direct connection, on the emitting thread, while the test reads it on its own: a
// data race (ThreadSanitizer reports it). ThreadSpy records through a queued connection on the
// thread that created it, so its list changes only while the test processes events (QTRY_*,
// qWait), in the order the signals were emitted.
#include <QList>
#include <QObject>
#include <QVariant>

#include <type_traits>

namespace isl::test {

class ThreadSpy : public QObject {
 public:
  template <class Sender, class... Args>
  ThreadSpy(const Sender* sender, void (Sender::*signal)(Args...)) {
    connect(
        sender, signal, this,
        [this](const std::decay_t<Args>&... args) { records_.append(QVariantList{QVariant::fromValue(args)...}); },
        Qt::QueuedConnection);
  }
  int count() const { return int(records_.size()); }
  // The arguments of the `index`th signal.
  const QVariantList& at(int index) const { return records_.at(index); }

 private:
  QList<QVariantList> records_;
};

}  // namespace isl::test
