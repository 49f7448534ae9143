// The processes of a run on c10d: two ranks as two threads of this process, over the loopback.
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/dist/distribution.h"
#include "core/input_error.h"
#include "test_registry.h"

using namespace isl;

namespace {

// A port nobody listens on now: the kernel's choice for a socket bound to port 0.
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

Rendezvous two_ranks(std::chrono::milliseconds timeout) {
  Rendezvous r;
  r.master_port = free_port();
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
