// The GAN and mining stages' batch source (StageBatches), its worker thread (TorchWorker) and
// the trial that chooses whether to overlap (OverlapTuner).
#include <QTest>
#include <omp.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

#include "core/run/overlap_tuner.h"
#include "core/run/stage_batches.h"
#include "core/run/torch_worker.h"
#include "loader_test_data.h"
#include "test_registry.h"

using namespace isl::test;

namespace {

// The batches of one epoch of ten_images() with loader_options(2), straight from a loader.
std::vector<Batch> epoch_of_ten_images(uint64_t seed) {
  PrefetchLoader loader(ten_images(), loader_options(2));
  loader.start_epoch(seed);
  return drain(loader);
}

}  // namespace

class TestStageBatches : public QObject {
  Q_OBJECT
 private slots:
  void worker_runs_jobs_in_order_on_its_own_thread() {
    isl::TorchWorker worker;
    std::vector<int> order;
    std::vector<std::future<std::thread::id>> done;
    for (int job = 0; job < 3; ++job)
      done.push_back(worker.run([&order, job] {
        order.push_back(job);
        return std::this_thread::get_id();
      }));
    for (auto& thread : done) QVERIFY(thread.get() != std::this_thread::get_id());
    QCOMPARE(order, (std::vector<int>{0, 1, 2}));
    auto failed = worker.run([]() -> int { throw std::runtime_error("job failed"); });
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, failed.get());
  }

  void worker_uses_the_intra_op_thread_count() {
    // A new thread's OpenMP regions default to every core; the worker's follow the process's
    // setting, here one the default is not.
    const int before = at::get_num_threads();
    const int wanted = int(std::thread::hardware_concurrency()) + 3;
    at::set_num_threads(wanted);
    isl::TorchWorker worker;
    const int seen = worker.run([] { return omp_get_max_threads(); }).get();
    at::set_num_threads(before);
    QCOMPARE(seen, wanted);
  }

  void hands_out_the_loaders_batches_with_their_features() {
    const std::vector<Batch> expected = epoch_of_ten_images(9);

    PrefetchLoader loader(ten_images(), loader_options(2));
    loader.start_epoch(9);
    isl::StageBatches batches(loader, [](const Batch& b) { return torch::tensor(b.images).sum(); }, 100);
    for (const Batch& want : expected) {
      auto got = batches.next();
      QVERIFY(got.has_value());
      QCOMPARE(got->batch.indices, want.indices);
      QVERIFY(got->batch.images == want.images);
      QCOMPARE(got->features.item<float>(), torch::tensor(want.images).sum().item<float>());
    }
    QVERIFY(!batches.next().has_value());
  }

  void computes_the_next_batchs_features_while_the_caller_works() {
    PrefetchLoader loader(ten_images(), loader_options(2));
    loader.start_epoch(3);
    std::vector<std::promise<void>> started(4);
    std::vector<std::thread::id> threads(4);
    std::atomic<int> calls{0};
    isl::StageBatches batches(
        loader,
        [&](const Batch& b) {
          const int call = calls++;
          threads[size_t(call)] = std::this_thread::get_id();
          started[size_t(call)].set_value();
          return torch::tensor(double(b.size()));
        },
        100);
    for (int i = 0; i < 3; ++i) {
      QVERIFY(batches.next().has_value());
      // Batch i is the caller's now; batch i + 1's forward must already be on its way.
      QCOMPARE(started[size_t(i) + 1].get_future().wait_for(std::chrono::seconds(30)), std::future_status::ready);
      QVERIFY(threads[size_t(i) + 1] != std::this_thread::get_id());
    }
    QCOMPARE(batches.next()->features.item<double>(), 1.0);  // the short last batch
    QVERIFY(!batches.next().has_value());
    QCOMPARE(calls.load(), 4);
  }

  void without_overlap_the_following_batch_waits_its_turn() {
    PrefetchLoader loader(ten_images(), loader_options(2));
    loader.start_epoch(3);
    std::vector<std::thread::id> threads;
    isl::StageBatches batches(
        loader,
        [&](const Batch& b) {
          threads.push_back(std::this_thread::get_id());
          return torch::tensor(double(b.size()));
        },
        100);
    for (size_t i = 0; i < 4; ++i) {
      QVERIFY(batches.next(false).has_value());
      QCOMPARE(threads.size(), i + 1);  // nothing started for the batch after it
      QVERIFY(threads.back() == std::this_thread::get_id());
    }
    QVERIFY(!batches.next(false).has_value());
  }

  void takes_no_batch_beyond_its_limit() {
    const std::vector<Batch> expected = epoch_of_ten_images(4);

    PrefetchLoader loader(ten_images(), loader_options(2));
    loader.start_epoch(4);
    int forwards = 0;
    {
      isl::StageBatches batches(loader, [&](const Batch&) { return torch::tensor(++forwards); }, 2);
      QVERIFY(batches.next().has_value());
      QVERIFY(batches.next().has_value());
      QVERIFY(!batches.next().has_value());
    }
    QCOMPARE(forwards, 2);
    QCOMPARE(loader.next()->indices, expected[2].indices);  // the third batch is still the loader's
  }

  void without_a_forward_passes_batches_through() {
    PrefetchLoader loader(ten_images(), loader_options(2));
    loader.start_epoch(4);
    isl::StageBatches batches(loader, {}, 3);
    for (int i = 0; i < 3; ++i) {
      auto got = batches.next();
      QVERIFY(got.has_value());
      QVERIFY(!got->features.defined());
    }
    QVERIFY(!batches.next().has_value());
    QVERIFY(loader.next().has_value());  // the fourth batch was left to the loader
  }

  void tuner_alternates_runs_and_keeps_the_faster_mode() {
    using isl::OverlapTuner;
    for (const bool overlap_faster : {true, false}) {
      OverlapTuner tuner;
      std::vector<bool> schedule;
      for (int batch = 0; batch < OverlapTuner::kTrialBatches; ++batch) {
        QVERIFY(!tuner.chosen().has_value());
        schedule.push_back(tuner.overlap_following());
        const bool in_overlapped_run = (batch / OverlapTuner::kRunLength) % 2 == 1;
        double seconds = in_overlapped_run == overlap_faster ? 0.050 : 0.060;
        if (batch == OverlapTuner::kRunLength / 2) seconds = 5.0;  // a stall in the first serial run
        tuner.record(seconds);
      }
      // Serial runs compute nothing ahead; overlapped runs compute each batch's successor
      // ahead except past the run's end.
      const std::vector<bool> run_pair = {false, false, false, false, true, true, true, false};
      QCOMPARE(int(run_pair.size()), 2 * OverlapTuner::kRunLength);
      for (size_t batch = 0; batch < schedule.size(); ++batch) QCOMPARE(schedule[batch], run_pair[batch % run_pair.size()]);
      QCOMPARE(tuner.chosen(), std::optional<bool>(overlap_faster));
      QCOMPARE(tuner.overlap_following(), overlap_faster);
      QCOMPARE(tuner.best_seconds_per_batch(true), overlap_faster ? 0.050 : 0.060);
      QCOMPARE(tuner.best_seconds_per_batch(false), overlap_faster ? 0.060 : 0.050);
      tuner.record(1.0);  // after the trial, times change nothing
      QCOMPARE(tuner.chosen(), std::optional<bool>(overlap_faster));
      tuner.restart();
      QVERIFY(!tuner.chosen().has_value());
      QCOMPARE(tuner.overlap_following(), false);
    }
  }

  void a_failed_forward_reaches_the_caller() {
    PrefetchLoader loader(ten_images(), loader_options(2));
    loader.start_epoch(4);
    isl::StageBatches batches(
        loader, [](const Batch&) -> torch::Tensor { throw std::runtime_error("forward failed"); }, 100);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, batches.next());
  }
};

ISL_REGISTER_TEST(TestStageBatches);

#include "test_stage_batches.moc"
