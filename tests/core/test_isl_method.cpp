// The method's building blocks against values worked out by hand on tiny inputs.
#include <QTest>

#include <cmath>

#include "core/isl/isl_loss.h"
#include "core/isl/memory_bank.h"
#include "core/isl/miner.h"
#include "core/isl/positive_sets.h"
#include "core/isl/proxy_gan.h"
#include "core/isl/row_top_k.h"
#include "core/isl/triplet_sampler.h"
#include "core/run/plateau_schedule.h"
#include "test_registry.h"

using namespace isl;

namespace {
torch::Tensor ids(std::vector<int64_t> values) { return torch::tensor(values, torch::kInt64); }

std::vector<int64_t> row_of(const PositiveSets& sets, int64_t i) {
  auto row = sets.rows(ids({i})).squeeze(0);
  std::vector<int64_t> members;
  for (int64_t k = 0; k < row.size(0); ++k)
    if (row[k].item<int64_t>() >= 0) members.push_back(row[k].item<int64_t>());
  return members;
}

// Three unit memory entries on a circle: M0 = (1,0), M1 = (0,1), M2 = (-1,0).
torch::Tensor circle_memory() { return torch::tensor({1.f, 0.f, 0.f, 1.f, -1.f, 0.f}).view({3, 2}); }
}  // namespace

class TestMemoryBank : public QObject {
  Q_OBJECT
 private slots:
  void initialisation_is_uniform_in_bound() {
    MemoryBank bank(500, 12, 7);
    const double bound = 1.0 / std::sqrt(12.0 / 3.0);  // 0.5
    QVERIFY(bank.features().abs().max().item<double>() <= bound);
    QVERIFY(bank.features().abs().max().item<double>() > 0.9 * bound);
    QVERIFY(torch::equal(bank.features(), MemoryBank(500, 12, 7).features()));
    QVERIFY(!torch::equal(bank.features(), MemoryBank(500, 12, 8).features()));
  }
  void update_follows_the_momentum_formula() {
    MemoryBank bank(circle_memory().clone());
    // M1 <- normalise(0.5 * (0,1) + 0.5 * (1,0)) = (1/sqrt2, 1/sqrt2); M0, M2 untouched.
    bank.update(ids({1}), torch::tensor({1.f, 0.f}).view({1, 2}), 0.5);
    const float r = float(1.0 / std::sqrt(2.0));
    QVERIFY(torch::allclose(bank.features()[1], torch::tensor({r, r})));
    QVERIFY(torch::equal(bank.features()[0], torch::tensor({1.f, 0.f})));
    QVERIFY(torch::equal(bank.features()[2], torch::tensor({-1.f, 0.f})));
    // Momentum 0.75 against (0,-1) from (1/sqrt2, 1/sqrt2): (0.75r, 0.75r - 0.25) normalised.
    bank.update(ids({1}), torch::tensor({0.f, -1.f}).view({1, 2}), 0.75);
    const float x = 0.75f * r, y = 0.75f * r - 0.25f, norm = std::sqrt(x * x + y * y);
    QVERIFY(torch::allclose(bank.features()[1], torch::tensor({x / norm, y / norm})));
  }
};

class TestPositiveSets : public QObject {
  Q_OBJECT
 private slots:
  void starts_with_each_image_alone() {
    PositiveSets sets(4);
    QCOMPARE(sets.mined_pairs(), int64_t(0));
    QCOMPARE(row_of(sets, 2), std::vector<int64_t>({2}));
  }
  void additions_are_symmetric_with_history() {
    PositiveSets sets(4);
    QCOMPARE(sets.add_symmetric(ids({0, 1}), ids({1, 2}), 0), int64_t(4));
    QCOMPARE(row_of(sets, 0), std::vector<int64_t>({0, 1}));
    QCOMPARE(row_of(sets, 1), std::vector<int64_t>({1, 0, 2}));
    QCOMPARE(row_of(sets, 2), std::vector<int64_t>({2, 1}));
    QCOMPARE(row_of(sets, 3), std::vector<int64_t>({3}));
    QCOMPARE(sets.mined_pairs(), int64_t(4));
    // Repeats, reversed repeats and self pairs add nothing.
    QCOMPARE(sets.add_symmetric(ids({1, 2, 3}), ids({0, 1, 3}), 1), int64_t(0));
    QCOMPARE(sets.add_symmetric(ids({3}), ids({0}), 2), int64_t(2));
    auto rows = sets.to_rows();
    QCOMPARE(rows.offsets, std::vector<int64_t>({0, 3, 6, 8, 10}));
    QCOMPARE(rows.members, std::vector<int64_t>({0, 1, 3, 1, 0, 2, 2, 1, 3, 0}));
    QCOMPARE(rows.rounds, std::vector<int16_t>({-1, 0, 2, -1, 0, 0, -1, 0, -1, 2}));
  }
  void grows_past_initial_capacity() {
    PositiveSets sets(20);
    std::vector<int64_t> others;
    for (int64_t j = 1; j < 20; ++j) others.push_back(j);
    QCOMPARE(sets.add_symmetric(torch::zeros({19}, torch::kInt64), ids(others), 3), int64_t(38));
    QCOMPARE(int64_t(row_of(sets, 0).size()), int64_t(20));
    QCOMPARE(sets.mined_pairs(), int64_t(38));
    for (int64_t j = 1; j < 20; ++j) QCOMPARE(row_of(sets, j), std::vector<int64_t>({j, 0}));
  }
  void assigned_rows_keep_given_counts() {
    PositiveSets sets(3);
    sets.assign_rows(ids({1, 2, 0, 1, 1, 0}).view({3, 2}), ids({2, 0, 1}), 1);
    QCOMPARE(row_of(sets, 0), std::vector<int64_t>({0, 1, 2}));
    QCOMPARE(row_of(sets, 1), std::vector<int64_t>({1}));
    QCOMPARE(row_of(sets, 2), std::vector<int64_t>({2, 1}));
    QCOMPARE(sets.mined_pairs(), int64_t(3));
  }
};

class TestIslLoss : public QObject {
  Q_OBJECT
 private slots:
  void instance_term_is_minus_log_own_probability() {
    // f = M0 = (1,0), T = 1: logits (1, 0, -1); L_inst = -(1 - log(e + 1 + 1/e)).
    LossOptions options;
    options.temperature = 1.0;
    auto terms = isl_loss(torch::tensor({1.f, 0.f}).view({1, 2}), circle_memory(), ids({0}),
                          ids({0}).view({1, 1}), options);
    const double partition = std::exp(1.0) + 1.0 + std::exp(-1.0);
    QVERIFY(std::abs(terms.instance.item<double>() - (std::log(partition) - 1.0)) < 1e-5);
    QCOMPARE(terms.set.item<double>(), 0.0);
    QCOMPARE(terms.hpe.item<double>(), 0.0);
    QVERIFY(std::abs(terms.total.item<double>() - terms.instance.item<double>()) < 1e-6);
  }
  void set_and_hpe_terms_match_hand_values() {
    // Anchor 0 with P_0 = {0, 1}: L_set = -log((e + 1) / Z). Hard positive h = 1, so
    // q = softmax(M . M1) = softmax(0, 1, 0), and L_hpe = sum_j p_j (log p_j - log q_j).
    LossOptions options;
    options.temperature = 1.0;
    options.hpe_weight = 0.5;
    auto terms = isl_loss(torch::tensor({1.f, 0.f}).view({1, 2}), circle_memory(), ids({0}),
                          ids({0, 1}).view({1, 2}), options);
    const double e = std::exp(1.0), z = e + 1.0 + 1.0 / e;
    const double expected_set = -std::log((e + 1.0) / z);
    const double p[3] = {e / z, 1.0 / z, 1.0 / (e * z)};
    const double zq = 2.0 + e, q[3] = {1.0 / zq, e / zq, 1.0 / zq};
    double expected_kl = 0;
    for (int j = 0; j < 3; ++j) expected_kl += p[j] * (std::log(p[j]) - std::log(q[j]));
    QVERIFY(std::abs(terms.set.item<double>() - expected_set) < 1e-5);
    QVERIFY(std::abs(terms.hpe.item<double>() - expected_kl) < 1e-5);
    QVERIFY(std::abs(terms.total.item<double>() - (expected_set + 0.5 * expected_kl)) < 1e-5);
  }
  void hard_positive_option_picks_most_or_least_similar() {
    // P_0 = {0, 1, 2}: M0.M1 = 0 (most similar), M0.M2 = -1 (least similar).
    LossOptions options;
    options.temperature = 1.0;
    auto features = torch::tensor({1.f, 0.f}).view({1, 2});
    auto positives = ids({0, 1, 2}).view({1, 3});
    auto kl_against = [&](int h) {
      auto log_p = torch::log_softmax(torch::matmul(features, circle_memory().t()), 1);
      auto log_q = torch::log_softmax(torch::matmul(circle_memory()[h].view({1, 2}), circle_memory().t()), 1);
      return (log_p.exp() * (log_p - log_q)).sum().item<double>();
    };
    options.hard_positive = HardPositive::MostSimilar;
    QVERIFY(std::abs(isl_loss(features, circle_memory(), ids({0}), positives, options).hpe.item<double>() - kl_against(1)) < 1e-5);
    options.hard_positive = HardPositive::LeastSimilar;
    QVERIFY(std::abs(isl_loss(features, circle_memory(), ids({0}), positives, options).hpe.item<double>() - kl_against(2)) < 1e-5);
    QVERIFY(std::abs(kl_against(1) - kl_against(2)) > 1e-3);
  }
  void batch_mixes_terms_and_averages() {
    // Row 0 alone, row 1 with P_1 = {1, 2}; the total divides by B = 2.
    LossOptions options;
    options.temperature = 0.5;
    options.hpe_weight = 0.0;
    auto features = circle_memory().narrow(0, 0, 2).clone().requires_grad_(true);
    auto terms = isl_loss(features, circle_memory(), ids({0, 1}), ids({0, -1, 1, 2}).view({2, 2}), options);
    const double z0 = std::exp(2.0) + 1.0 + std::exp(-2.0);  // logits of row 0: (2, 0, -2)
    const double z1 = 1.0 + std::exp(2.0) + 1.0;             // logits of row 1: (0, 2, 0)
    QVERIFY(std::abs(terms.instance.item<double>() - (std::log(z0) - 2.0)) < 1e-5);
    QVERIFY(std::abs(terms.set.item<double>() + std::log((std::exp(2.0) + 1.0) / z1)) < 1e-5);
    QVERIFY(std::abs(terms.total.item<double>() - (terms.instance + terms.set).item<double>() / 2) < 1e-6);
    terms.total.backward();
    QVERIFY(features.grad().defined() && features.grad().abs().sum().item<double>() > 0);
  }
  void gradient_equals_autograd_through_the_formula() {
    // isl_loss writes its backward pass out; autograd through eqs. 5-7 spelt plainly must agree.
    torch::manual_seed(5);
    auto unit_rows = [](torch::Tensor x) {
      return torch::nn::functional::normalize(x, torch::nn::functional::NormalizeFuncOptions().dim(1));
    };
    const auto memory = unit_rows(torch::randn({7, 3}));
    const auto indices = ids({0, 3, 5, 6});
    // Rows 0 and 3 alone, 3's set {3, 1, 4}, 5's {5, 2}; hard positives by hand below.
    const auto positives = ids({0, -1, -1, 3, 1, 4, 5, 2, -1, 6, -1, -1}).view({4, 3});
    LossOptions options;
    options.temperature = 0.5;
    options.hpe_weight = 0.7;
    const auto start = unit_rows(torch::randn({4, 3}));

    auto features = start.clone().requires_grad_(true);
    auto terms = isl_loss(features, memory, indices, positives, options);
    terms.total.backward();

    auto plain = start.clone().requires_grad_(true);
    auto log_p = torch::log_softmax(torch::matmul(plain, memory.t()) / options.temperature, 1);
    auto in_set = positives >= 0;
    auto per_image =
        -torch::logsumexp(log_p.gather(1, positives.clamp_min(0)).masked_fill(~in_set, -INFINITY), 1);
    const double s31 = (memory[3] * memory[1]).sum().item<double>(), s34 = (memory[3] * memory[4]).sum().item<double>();
    const auto hard = ids({0, s31 > s34 ? 1 : 4, 2, 6});  // the most similar member of P_i \ {i}
    auto log_q = torch::log_softmax(torch::matmul(memory.index_select(0, hard), memory.t()) / options.temperature, 1);
    auto kl = (log_p.exp() * (log_p - log_q)).sum(1);
    auto with_set = torch::tensor({0.0, 1.0, 1.0, 0.0});
    auto total = (per_image.sum() + options.hpe_weight * (kl * with_set).sum()) / 4;
    total.backward();

    QVERIFY(std::abs(terms.total.item<double>() - total.item<double>()) < 1e-5);
    QVERIFY2(torch::allclose(features.grad(), plain.grad(), 1e-4, 1e-6),
             qPrintable(QString("max difference %1").arg((features.grad() - plain.grad()).abs().max().item<double>())));
    QVERIFY(plain.grad().abs().min().item<double>() > 0);  // every row has a gradient to compare
  }
};

class TestProxyGan : public QObject {
  Q_OBJECT
 private slots:
  void networks_have_the_specified_shapes() {
    ProxyGan gan(8, GanOptions{});
    Triplets t{torch::randn({5, 8}), torch::randn({5, 8}), torch::randn({5, 8})};
    auto proxies = gan.generate(t);
    QCOMPARE(proxies.sizes().vec(), std::vector<int64_t>({5, 8}));
    QVERIFY(torch::allclose(proxies.norm(2, 1), torch::ones({5})));
    auto confidence = gan.confidence(t, proxies);
    QCOMPARE(confidence.sizes().vec(), std::vector<int64_t>({5}));
    QVERIFY((confidence > 0).all().item<bool>() && (confidence < 1).all().item<bool>());
  }
  void step_losses_follow_equation_one() {
    // The reported discriminator loss is (BCE(D(a,p,n), 1) + (1 - lg) BCE(D(a,p,p'), 0)
    // + lg BCE(D(a,p',n), 0)) / 2, evaluated before the step; both networks then move.
    torch::manual_seed(3);
    const double hardness = 0.3;
    ProxyGan gan(8, GanOptions{1e-3, hardness});
    auto a = torch::nn::functional::normalize(torch::randn({16, 8}), torch::nn::functional::NormalizeFuncOptions().dim(1));
    Triplets real{a, a.roll(1, 0), -a};
    auto proxies = gan.generate(real);
    torch::Tensor d_real, d_as_negative, d_as_positive;
    {
      torch::NoGradGuard no_grad;
      d_real = gan.discriminator->forward(torch::cat({a, real.positive, real.negative}, 1));
      d_as_negative = gan.discriminator->forward(torch::cat({a, real.positive, proxies}, 1));
      d_as_positive = gan.discriminator->forward(torch::cat({a, proxies, real.negative}, 1));
    }
    auto mean_log = [](const torch::Tensor& x) { return x.log().mean().item<double>(); };
    const double expected = (-mean_log(d_real) - (1 - hardness) * mean_log(1 - d_as_negative) -
                             hardness * mean_log(1 - d_as_positive)) / 2;
    auto generator_before = gan.generator->parameters()[0].clone();
    auto discriminator_before = gan.discriminator->parameters()[0].clone();
    auto losses = gan.train_step(real);
    QVERIFY(std::abs(losses.discriminator - expected) < 1e-5);
    QVERIFY(std::abs(losses.real_confidence - d_real.mean().item<double>()) < 1e-6);
    QVERIFY(std::isfinite(losses.generator) && losses.generator > 0);
    QVERIFY(!torch::equal(generator_before, gan.generator->parameters()[0]));
    QVERIFY(!torch::equal(discriminator_before, gan.discriminator->parameters()[0]));
  }
  void collapse_means_a_saturated_discriminator() {
    QVERIFY(gan_collapsed(0.9999, 0.0001));  // perfectly separating
    QVERIFY(gan_collapsed(0.0002, 0.0003));  // everything rejected
    QVERIFY(gan_collapsed(0.9995, 0.9999));  // everything accepted
    QVERIFY(!gan_collapsed(0.95, 0.05));
    QVERIFY(!gan_collapsed(0.9999, 0.4));
  }
  void stop_rule_follows_the_specification() {
    GanStopOptions options;  // 10 epochs in round 0, converged below 1.0
    QVERIFY(gan_should_continue({}, 1, options));
    QVERIFY(gan_should_continue({2.0, 1.5, 1.2, 1.3, 1.4, 1.5}, 1, options));  // best 1.2 > 1.0
    QVERIFY(gan_should_continue({0.9, 0.8, 0.85, 0.86}, 1, options));         // best 0.8 in last three
    QVERIFY(!gan_should_continue({0.9, 0.8, 0.85, 0.86, 0.87}, 1, options));   // best left the last three
    // Round 0: at least ten epochs, and the last loss converged.
    QVERIFY(gan_should_continue({0.9, 0.8, 0.85, 0.86, 0.87}, 0, options));
    std::vector<double> ten(10, 0.5);
    ten[2] = 0.4;
    QVERIFY(!gan_should_continue(ten, 0, options));
    ten.back() = 1.2;
    QVERIFY(gan_should_continue(ten, 0, options));
  }
  // The rule's steps in order, in a round after the first (round 0's ten-epoch minimum would
  // hide steps 3 and 4).
  void stop_rule_continues_while_the_newest_loss_is_the_least_of_the_last_three() {
    GanStopOptions options;
    // Step 3: 0.7 < 0.8 < 0.9, so training goes on although the best (0.5) left the last three.
    QVERIFY(gan_should_continue({0.5, 0.9, 0.8, 0.7}, 1, options));
    // Step 4: the newest rose, and the best is not among the last three.
    QVERIFY(!gan_should_continue({0.5, 0.9, 0.7, 0.8}, 1, options));
    // Step 5: the newest rose, but the best is among the last three.
    QVERIFY(gan_should_continue({0.9, 0.6, 0.7, 0.8}, 1, options));
    // A tie is no decrease: step 4 decides.
    QVERIFY(!gan_should_continue({0.5, 0.7, 0.7, 0.7}, 1, options));
    // Step 2 comes before step 3: an unconverged newest loss in round 0 continues.
    std::vector<double> rising(12, 0.5);
    rising.front() = 0.4;
    rising.back() = 1.1;
    QVERIFY(gan_should_continue(rising, 0, options));
    QVERIFY(!gan_should_continue(rising, 1, options));
  }
};

class TestTripletSampler : public QObject {
  Q_OBJECT
 private slots:
  void negative_is_the_most_similar_non_member() {
    // Memory on a circle at 0, 10, 20, 30, 90 and 180 degrees; anchor 0 with P_0 = {0, 1}.
    // With every index a candidate (K large), the hardest negative is image 2 (20 degrees);
    // without the positive, image 1 would be.
    std::vector<float> flat;
    for (double degrees : {0.0, 10.0, 20.0, 30.0, 90.0, 180.0}) {
      flat.push_back(float(std::cos(degrees * M_PI / 180)));
      flat.push_back(float(std::sin(degrees * M_PI / 180)));
    }
    MemoryBank memory(torch::tensor(flat).view({6, 2}));
    PositiveSets sets(6);
    sets.add_symmetric(ids({0}), ids({1}), 0);
    TripletOptions options;
    options.negative_candidates = 400;  // every index drawn with near certainty
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(9);
    auto anchor = memory.features().narrow(0, 0, 1);
    auto triplets = sample_triplets(anchor, ids({0}), memory, sets, options, generator, 3);
    QCOMPARE(triplets.anchor.size(0), int64_t(3));
    for (int r = 0; r < 3; ++r) {
      QVERIFY(torch::equal(triplets.negative[r], memory.features()[2]));
      QVERIFY(torch::equal(triplets.positive[r], memory.features()[0]));  // M_i itself by default
    }
    // A random member as positive is always 0 or 1.
    options.positive = TripletPositive::RandomMember;
    triplets = sample_triplets(anchor, ids({0}), memory, sets, options, generator, 20);
    for (int r = 0; r < 20; ++r)
      QVERIFY(torch::equal(triplets.positive[r], memory.features()[0]) || torch::equal(triplets.positive[r], memory.features()[1]));
  }
  void few_candidates_give_the_best_of_those_drawn() {
    // With one candidate per triplet the negative is whatever was drawn, but never a member
    // unless every candidate was one: over many draws all non-members appear.
    MemoryBank memory(50, 4, 3);
    PositiveSets sets(50);
    TripletOptions options;
    options.negative_candidates = 1;
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(4);
    auto triplets = sample_triplets(memory.features().narrow(0, 0, 1), ids({0}), memory, sets, options, generator, 400);
    auto distinct = std::get<0>(torch::_unique(triplets.negative.sum(1)));
    QVERIFY(distinct.numel() > 30);
  }
  void negative_follows_the_best_of_k_uniform_draws() {
    // Memory on a circle at 0, 10, ..., 90 degrees; anchor 0 (its own member, so least
    // similar). Image j (j >= 1) is the j-th most similar entry, rank j - 1 from 0. The best of
    // K = 3 uniform draws from N = 10 has rank >= r with probability (1 - r/10)^3, so image j
    // is the negative with probability (1 - (j-1)/10)^3 - (1 - j/10)^3 and image 0 with 0.001.
    std::vector<float> flat;
    for (int j = 0; j < 10; ++j) {
      flat.push_back(float(std::cos(j * 10 * M_PI / 180)));
      flat.push_back(float(std::sin(j * 10 * M_PI / 180)));
    }
    MemoryBank memory(torch::tensor(flat).view({10, 2}));
    PositiveSets sets(10);
    TripletOptions options;
    options.negative_candidates = 3;
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(11);
    const int draws = 40000;
    auto triplets = sample_triplets(memory.features().narrow(0, 0, 1), ids({0}), memory, sets, options, generator, draws);
    // The negative's image, from its angle.
    auto angle = torch::atan2(triplets.negative.select(1, 1), triplets.negative.select(1, 0));
    auto image = (angle * (18 / M_PI)).round().to(torch::kInt64);
    auto counts = torch::bincount(image, {}, 10);
    for (int j = 0; j < 10; ++j) {
      const double expected =
          j == 0 ? 0.001 : std::pow(1 - (j - 1) / 10.0, 3) - std::pow(1 - j / 10.0, 3);
      const double seen = counts[j].item<double>() / draws;
      // Four standard deviations of a binomial frequency.
      QVERIFY2(std::abs(seen - expected) <= 4 * std::sqrt(expected * (1 - expected) / draws) + 1e-4,
               qPrintable(QString("image %1: %2 drawn, %3 expected").arg(j).arg(seen).arg(expected)));
    }
  }
};

class TestMiner : public QObject {
  Q_OBJECT
 private slots:
  void row_top_k_equals_libtorch_topk() {
    // Random rows (distinct values, so the order is unique) over a range of k, including the
    // single-pass limit, one past it (LibTorch's topk), k = N and rows of -inf.
    torch::manual_seed(9);
    auto scores = torch::randn({37, 203});
    scores.narrow(0, 5, 1).narrow(1, 0, 150).fill_(-INFINITY);
    for (int64_t k : {int64_t(1), int64_t(7), kRowTopKMaxPass, kRowTopKMaxPass + 1, int64_t(203)}) {
      auto [values, columns] = row_top_k(scores, k);
      auto [expected_values, expected_columns] = scores.topk(k, 1);
      QVERIFY2(values.equal(expected_values), qPrintable(QString("k = %1").arg(k)));
      QVERIFY2(columns.equal(expected_columns), qPrintable(QString("k = %1").arg(k)));
    }
    // Ties keep the lower column first; NaN counts as -inf.
    auto [values, columns] = row_top_k(torch::tensor({1.f, 3.f, NAN, 3.f, 2.f, 3.f}).view({1, 6}), 3);
    QVERIFY(columns.equal(ids({1, 3, 5}).view({1, 3})));
    QVERIFY(values.equal(torch::full({1, 3}, 3.f)));
  }
  void region_takes_exactly_the_points_inside() {
    // Memory on a unit circle at angles 0, 10, 20, 50, 80 and 180 degrees; anchor is image 0
    // and the proxy points at 10 degrees. With c = 0.8 and R = 0.6: r = 0.6 + 0.2 * 0.4 = 0.68,
    // i.e. within about 47 degrees of the proxy: images 1 (0 deg away), 2 (10), 3 (40).
    // Image 4 is 70 degrees away (cos 0.34), image 5 170 degrees; image 0 is the anchor.
    std::vector<float> flat;
    for (double degrees : {0.0, 10.0, 20.0, 50.0, 80.0, 180.0}) {
      flat.push_back(float(std::cos(degrees * M_PI / 180)));
      flat.push_back(float(std::sin(degrees * M_PI / 180)));
    }
    MemoryBank memory(torch::tensor(flat).view({6, 2}));
    MinerOptions options;
    options.threshold = 0.5;
    options.region = 0.6;
    options.top_k = 10;
    auto proxy = memory.features()[1].view({1, 2});
    auto found = mine_region(proxy, torch::tensor({0.8f}), ids({0}), memory, options);
    auto others = std::get<0>(found.others.sort());
    QVERIFY(torch::equal(others, ids({1, 2, 3})));
    QVERIFY(torch::equal(found.anchors, ids({0, 0, 0})));
    // Lower confidence, smaller region: c = 0.55 gives r = 0.6 + 0.45 * 0.4 = 0.78 (about 39
    // degrees), which drops image 3 (cos 40 deg = 0.766).
    found = mine_region(proxy, torch::tensor({0.55f}), ids({0}), memory, options);
    QVERIFY(torch::equal(std::get<0>(found.others.sort()), ids({1, 2})));
    // Top-k caps the candidates: k = 1 keeps the nearest only.
    options.top_k = 1;
    found = mine_region(proxy, torch::tensor({0.8f}), ids({0}), memory, options);
    QVERIFY(torch::equal(found.others, ids({1})));
    // Below the threshold nothing is mined.
    options.top_k = 10;
    options.threshold = 0.9;
    QCOMPARE(mine_region(proxy, torch::tensor({0.8f}), ids({0}), memory, options).others.numel(), int64_t(0));
  }
  void threshold_above_every_confidence_adds_nothing() {
    torch::manual_seed(1);
    MemoryBank memory(64, 8, 1);
    PositiveSets sets(64);
    ProxyGan gan(8, GanOptions{});
    MinerOptions options;
    options.threshold = 1.0;  // a sigmoid never exceeds 1
    options.triplets.negative_candidates = 16;
    auto generator = torch::make_generator<at::CPUGeneratorImpl>(5);
    auto indices = torch::arange(16, torch::kInt64);
    auto features = memory.features().index_select(0, indices);
    auto found = mine_batch(features, indices, memory, sets, gan, options, generator);
    QCOMPARE(found.others.numel(), int64_t(0));
    QCOMPARE(found.proxies.sizes().vec(), std::vector<int64_t>({16, 8}));
    // With no threshold and a wide region every anchor mines its top-k.
    options.threshold = 0.0;
    options.region = -1.0;
    options.top_k = 3;
    found = mine_batch(features, indices, memory, sets, gan, options, generator);
    QCOMPARE(found.others.numel(), int64_t(48));
    QVERIFY((found.others != found.anchors).all().item<bool>());
  }
  // One anchor shown in full must be the same step mining takes: the same S proxies, the same
  // p* and exactly the pairs mine_batch finds for it alone.
  void one_anchor_shown_in_full_matches_mining() {
    torch::manual_seed(3);
    MemoryBank memory(64, 8, 2);
    PositiveSets sets(64);
    ProxyGan gan(8, GanOptions{});
    MinerOptions options;
    options.proxy_samples = 4;
    options.threshold = 0.3;
    options.region = -0.2;
    options.top_k = 6;
    options.triplets.negative_candidates = 16;
    const int64_t anchor = 11;
    auto feature = memory.features()[anchor];
    auto first = torch::make_generator<at::CPUGeneratorImpl>(9);
    auto second = torch::make_generator<at::CPUGeneratorImpl>(9);
    auto shown = mine_one_anchor(feature, anchor, memory, sets, gan, options, first);
    auto mined = mine_batch(feature.unsqueeze(0), ids({anchor}), memory, sets, gan, options, second);
    QCOMPARE(shown.proxies.size(0), int64_t(4));
    QCOMPARE(shown.confidence.size(0), int64_t(4));
    QVERIFY(torch::allclose(shown.proxies[shown.best], mined.proxies[0]));
    QCOMPARE(shown.confidence.max().item<float>(), mined.confidence[0].item<float>());
    const double c = mined.confidence[0].item<double>();
    QVERIFY(std::abs(shown.region - (options.region + (1 - c) * (1 - options.region))) < 1e-6);
    QCOMPARE(shown.candidates.size(0), int64_t(6));
    QVERIFY(!(shown.candidates == anchor).any().item<bool>());
    QVERIFY((shown.similarity.slice(0, 1) <= shown.similarity.slice(0, 0, -1)).all().item<bool>());
    QVERIFY(torch::equal(shown.joins, (shown.similarity > shown.region) & (c > options.threshold)));
    QVERIFY(torch::equal(shown.candidates.masked_select(shown.joins), mined.others));
  }
  void stop_rule_is_pairs_per_image() {
    QVERIFY(!mining_target_reached(50, 100, 0, 0.5));
    QVERIFY(mining_target_reached(51, 100, 0, 0.5));
    QVERIFY(!mining_target_reached(100, 100, 1, 0.5));
    QVERIFY(mining_target_reached(101, 100, 1, 0.5));
  }
};

// PyTorch's ReduceLROnPlateau(mode="max", factor=0.8, patience=1), stepped by hand.
class TestLearningRateSchedule : public QObject {
  Q_OBJECT
 private slots:
  void plateau_lowers_after_two_evaluations_in_a_row_without_gain() {
    PlateauState state;
    PlateauOptions options;  // factor 0.8, patience 1, relative threshold 1e-4
    struct Step {
      double accuracy;
      double rate_after;
    };
    const Step steps[] = {
        {0.50, 0.03},     // first evaluation: best 0.50
        {0.49, 0.03},     // one without gain: tolerated
        {0.48, 0.024},    // two in a row: x0.8, count starts again
        {0.50004, 0.024}, // above 0.50 but not by 1e-4 relative: no gain (count 1)
        {0.60, 0.024},    // gain: best 0.60, count 0
        {0.59, 0.024},    // count 1
        {0.61, 0.024},    // gain resets the count
        {0.60, 0.024},    // count 1
        {0.60, 0.0192},   // count 2: x0.8
        {0.60, 0.0192},   // count 1
        {0.60, 0.01536},  // count 2: x0.8
    };
    double rate = 0.03;
    for (const auto& step : steps) {
      rate = plateau_step(state, step.accuracy, rate, options);
      QVERIFY2(std::abs(rate - step.rate_after) < 1e-12,
               qPrintable(QString("after %1: rate %2, expected %3").arg(step.accuracy).arg(rate).arg(step.rate_after)));
    }
    QCOMPARE(state.best, 0.61);
  }
  void plateau_skips_a_reduction_smaller_than_eps() {
    PlateauState state;
    PlateauOptions options;
    double rate = 2e-8;
    for (double accuracy : {0.5, 0.4, 0.4}) rate = plateau_step(state, accuracy, rate, options);
    QCOMPARE(rate, 2e-8);  // 2e-8 - 1.6e-8 is below PyTorch's eps of 1e-8
  }
};

ISL_REGISTER_TEST(TestMemoryBank);
ISL_REGISTER_TEST(TestPositiveSets);
ISL_REGISTER_TEST(TestIslLoss);
ISL_REGISTER_TEST(TestProxyGan);
ISL_REGISTER_TEST(TestTripletSampler);
ISL_REGISTER_TEST(TestMiner);
ISL_REGISTER_TEST(TestLearningRateSchedule);
#include "test_isl_method.moc"
