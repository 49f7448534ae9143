// The processes of a run on c10d: two ranks as two threads of this process, over the loopback.
#include <QTest>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/dist/distribution.h"
#include "core/dist/rank_agreement.h"
#include "core/models/batch_norm.h"
#include "core/input_error.h"
#include "free_port.h"
#include "test_registry.h"

using namespace isl;

namespace {

Rendezvous two_ranks(std::chrono::milliseconds timeout) {
  Rendezvous r;
  r.master_port = test::free_port();
  r.world_size = 2;
  r.timeout = timeout;
  return r;
}

// Runs `body(rank)` on two threads and returns what each threw ("" where nothing).
template <class Body>
std::array<std::string, 2> on_two_ranks(Body body) {
  std::array<std::string, 2> errors;
  auto run = [&](int rank) {
    try {
      body(rank);
    } catch (const std::exception& error) {
      errors[size_t(rank)] = error.what();
    }
  };
  std::thread first(run, 0), second(run, 1);
  first.join();
  second.join();
  return errors;
}

struct ScopedEnvironment {
  explicit ScopedEnvironment(std::map<std::string, std::string> values) : values_(std::move(values)) {
    for (const auto& [name, value] : values_) ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnvironment() {
    for (const auto& [name, value] : values_) ::unsetenv(name.c_str());
  }
  std::map<std::string, std::string> values_;
};

// A convolution, BatchNorm, ReLU, Linear, BatchNorm: both kinds of the layer, with its
// parameters away from 1 and 0 so that their gradients matter.
torch::nn::Sequential small_network() {
  torch::manual_seed(5);
  torch::nn::Sequential network(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 4, 3).padding(1)),
                                models::batch_norm_2d(4), torch::nn::ReLU(), torch::nn::Flatten(),
                                torch::nn::Linear(4 * 5 * 5, 6), models::batch_norm_1d(6));
  torch::NoGradGuard no_grad;
  for (auto& parameter : network->named_parameters())
    if (parameter.key().find("weight") != std::string::npos && parameter.value().dim() == 1)
      parameter.value().uniform_(0.5, 1.5);
  return network;
}

// The loss whose gradient the comparison checks: not symmetric in the rows, so that every
// row's gradient differs.
torch::Tensor loss_of(const torch::Tensor& output, const torch::Tensor& row_weights) {
  return (output.pow(2).sum(1) * row_weights).sum();
}

}  // namespace

class TestDistribution : public QObject {
  Q_OBJECT
 private slots:
  void two_ranks_sum_gather_and_broadcast() {
    const Rendezvous rendezvous = two_ranks(std::chrono::seconds(60));
    std::array<torch::Tensor, 2> sums, matrices, gathered, broadcast;
    std::array<std::string, 2> backends;
    auto errors = on_two_ranks([&](int rank) {
      Rendezvous mine = rendezvous;
      mine.rank = rank;
      auto group = join_process_group(mine, torch::kCPU);
      backends[size_t(rank)] = group->backend();
      std::vector<torch::Tensor> tensors{torch::full({3}, rank + 1.0), torch::full({2, 2}, 10.0 * (rank + 1))};
      group->all_reduce_sum(tensors);
      sums[size_t(rank)] = tensors[0];
      matrices[size_t(rank)] = tensors[1];
      // Different row counts: rank 0 gives one row, rank 1 two.
      auto rows = (torch::arange(rank + 1, torch::kInt64) + 100 * rank).view({-1, 1});
      gathered[size_t(rank)] = group->all_gather_rows(rows);
      auto values = torch::full({2}, double(rank));
      group->broadcast(values, 1);
      broadcast[size_t(rank)] = values;
      group->barrier();
    });
    QVERIFY2(errors[0].empty() && errors[1].empty(), (errors[0] + " | " + errors[1]).c_str());
    for (int rank : {0, 1}) {
      QCOMPARE(backends[size_t(rank)], std::string("gloo"));
      QVERIFY(torch::equal(sums[size_t(rank)], torch::full({3}, 3.0)));
      QVERIFY(torch::equal(matrices[size_t(rank)], torch::full({2, 2}, 30.0)));
      QVERIFY(torch::equal(gathered[size_t(rank)], torch::tensor({0, 100, 101}, torch::kInt64).view({-1, 1})));
      QVERIFY(torch::equal(broadcast[size_t(rank)], torch::full({2}, 1.0)));
    }
  }

  // A rank that is gone makes the other stop with an error that says so, not hang.
  void a_lost_rank_is_a_named_error_within_the_timeout() {
    const Rendezvous rendezvous = two_ranks(std::chrono::seconds(5));
    const auto started = std::chrono::steady_clock::now();
    auto errors = on_two_ranks([&](int rank) {
      Rendezvous mine = rendezvous;
      mine.rank = rank;
      auto group = join_process_group(mine, torch::kCPU);
      group->barrier();
      if (rank == 1) return;  // leaves: its group closes its connections
      std::this_thread::yield();
      std::vector<torch::Tensor> tensors{torch::ones({4})};
      for (int k = 0; k < 100; ++k) group->all_reduce_sum(tensors);
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    QVERIFY2(errors[1].empty(), errors[1].c_str());
    QVERIFY2(QString::fromStdString(errors[0]).contains("rank 0 of 2") &&
                 QString::fromStdString(errors[0]).contains("lost the other ranks in an all-reduce (gloo)"),
             errors[0].c_str());
    QVERIFY2(seconds < 30, qPrintable(QString::number(seconds)));
  }

  // Two ranks with BatchNorm over both: the same outputs, parameter gradients (after the
  // all-reduce) and running statistics as one process with the whole batch. The computation
  // differs only in the order of float32 sums, so the tolerance is a few float32 rounding
  // errors of values of order 1-100.
  void synchronised_batch_norm_equals_the_whole_batch() {
    torch::manual_seed(11);
    const auto images = torch::randn({8, 3, 5, 5}) * 2 + 0.5;
    const auto row_weights = torch::linspace(0.5, 2.0, 8);
    auto whole = small_network();
    whole->train();
    const auto whole_output = whole->forward(images);
    loss_of(whole_output, row_weights).backward();

    // Built here, not on the ranks' threads: the seed is global.
    std::array<torch::nn::Sequential, 2> networks{small_network(), small_network()};
    const Rendezvous rendezvous = two_ranks(std::chrono::seconds(60));
    std::array<torch::Tensor, 2> outputs;
    auto errors = on_two_ranks([&](int rank) {
      Rendezvous mine = rendezvous;
      mine.rank = rank;
      auto group = join_process_group(mine, torch::kCPU);
      auto& network = networks[size_t(rank)];
      models::synchronise_batch_norm(*network, group.get());
      network->train();
      auto output = network->forward(images.narrow(0, 4 * rank, 4));
      loss_of(output, row_weights.narrow(0, 4 * rank, 4)).backward();
      std::vector<torch::Tensor> gradients;
      for (auto& parameter : network->parameters()) gradients.push_back(parameter.mutable_grad());
      group->all_reduce_sum(gradients);
      outputs[size_t(rank)] = output.detach();
    });
    QVERIFY2(errors[0].empty() && errors[1].empty(), (errors[0] + " | " + errors[1]).c_str());
    auto close = [](const torch::Tensor& a, const torch::Tensor& b, double absolute = 1e-5) {
      return torch::allclose(a.to(torch::kFloat32), b.to(torch::kFloat32), 1e-4, absolute);
    };
    QVERIFY(close(torch::cat({outputs[0], outputs[1]}), whole_output.detach()));
    const auto expected_parameters = whole->named_parameters();
    const auto expected_buffers = whole->named_buffers();
    // A bias just before a BatchNorm has a true gradient of zero, so both sides hold only the
    // rounding of sums of gradients in the tens: the tolerance scales with the largest gradient.
    double largest_gradient = 0;
    for (const auto& parameter : whole->parameters())
      largest_gradient = std::max(largest_gradient, parameter.grad().abs().max().item<double>());
    const double gradient_tolerance = 1e-5 * largest_gradient;
    for (const auto& network : networks) {
      for (const auto& parameter : network->named_parameters())
        QVERIFY2(close(parameter.value().grad(), expected_parameters[parameter.key()].grad(), gradient_tolerance),
                 parameter.key().c_str());
      for (const auto& buffer : network->named_buffers())
        QVERIFY2(close(buffer.value(), expected_buffers[buffer.key()]), buffer.key().c_str());
    }
  }

  // A rank whose state drifted stops every rank with an error naming the part and the rank.
  void ranks_that_diverged_are_named() {
    const Rendezvous rendezvous = two_ranks(std::chrono::seconds(60));
    const auto bank = torch::randn({6, 3});
    std::array<std::string, 2> agreed_errors;
    auto errors = on_two_ranks([&](int rank) {
      Rendezvous mine = rendezvous;
      mine.rank = rank;
      auto group = join_process_group(mine, torch::kCPU);
      const std::vector<StatePart> same{{"memory bank", fingerprint(bank)}, {"backbone", fingerprint(bank * 2)}};
      try {
        check_ranks_agree(*group, same, "after epoch 1");
      } catch (const std::exception& error) {
        agreed_errors[size_t(rank)] = error.what();
      }
      auto drifted = bank.clone();
      if (rank == 1) drifted[5][2] = std::nextafter(drifted[5][2].item<float>(), 10.0f);
      check_ranks_agree(*group, {{"memory bank", fingerprint(bank)}, {"backbone", fingerprint(drifted)}},
                        "after epoch 2");
    });
    QVERIFY2(agreed_errors[0].empty() && agreed_errors[1].empty(), agreed_errors[0].c_str());
    for (const auto& error : errors)
      QVERIFY2(QString::fromStdString(error).contains("rank 1 of 2 holds another backbone than rank 0 after epoch 2"),
               error.c_str());
    QVERIFY(fingerprint(bank) != fingerprint(bank.view({3, 6})));
    QVERIFY(fingerprint(bank) != fingerprint(bank.to(torch::kFloat64)));
  }

  // A stop asked of one rank is taken by both.
  void a_stop_on_one_rank_stops_all() {
    const Rendezvous rendezvous = two_ranks(std::chrono::seconds(60));
    std::array<std::array<bool, 2>, 2> answers{};
    auto errors = on_two_ranks([&](int rank) {
      Rendezvous mine = rendezvous;
      mine.rank = rank;
      auto group = join_process_group(mine, torch::kCPU);
      answers[size_t(rank)][0] = any_rank(*group, false);
      answers[size_t(rank)][1] = any_rank(*group, rank == 1);
    });
    QVERIFY2(errors[0].empty() && errors[1].empty(), (errors[0] + " | " + errors[1]).c_str());
    for (const auto& answer : answers) {
      QVERIFY(!answer[0]);
      QVERIFY(answer[1]);
    }
  }

  void rendezvous_reads_torchruns_variables() {
    QVERIFY(!rendezvous_from_environment());
    {
      ScopedEnvironment environment({{"WORLD_SIZE", "4"}, {"RANK", "3"}, {"LOCAL_RANK", "1"},
                                     {"MASTER_ADDR", "10.0.0.7"}, {"MASTER_PORT", "29511"}});
      const auto r = rendezvous_from_environment();
      QVERIFY(r);
      QCOMPARE(r->world_size, 4);
      QCOMPARE(r->rank, 3);
      QCOMPARE(r->local_rank, 1);
      QCOMPARE(r->master_address, std::string("10.0.0.7"));
      QCOMPARE(r->master_port, 29511);
    }
    ScopedEnvironment environment({{"WORLD_SIZE", "2"}, {"RANK", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "1"}});
    try {
      rendezvous_from_environment();
      QFAIL("rank 2 of 2 was accepted");
    } catch (const InputError& error) {
      QVERIFY2(QString(error.what()).contains("RANK") && QString(error.what()).contains("0 to 1"), error.what());
    }
  }
};

ISL_REGISTER_TEST(TestDistribution);
#include "test_distribution.moc"
