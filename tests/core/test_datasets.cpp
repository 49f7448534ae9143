#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <matio.h>

#include "core/data/cifar.h"
#include "core/data/image_dataset.h"
#include "core/data/mnist.h"
#include "core/data/svhn.h"
#include "data_test_files.h"
#include "test_registry.h"

using namespace isl::data;
using isl::test::append_big_endian;
using isl::test::expect_input_error;
using isl::test::write_bytes;

namespace {

std::vector<uint8_t> idx_images(uint32_t count, uint32_t rows, uint32_t cols, const std::vector<uint8_t>& pixels) {
  std::vector<uint8_t> bytes;
  for (uint32_t v : {0x00000803u, count, rows, cols}) append_big_endian(bytes, v);
  bytes.insert(bytes.end(), pixels.begin(), pixels.end());
  return bytes;
}

std::vector<uint8_t> idx_labels(const std::vector<uint8_t>& labels) {
  std::vector<uint8_t> bytes;
  append_big_endian(bytes, 0x00000801);
  append_big_endian(bytes, uint32_t(labels.size()));
  bytes.insert(bytes.end(), labels.begin(), labels.end());
  return bytes;
}

// One CIFAR row: label byte(s), then R, G, B planes. Pixel (1, 2) gets 11 / 22 / 33.
std::vector<uint8_t> cifar_row(std::vector<uint8_t> labels) {
  std::vector<uint8_t> row = std::move(labels);
  const size_t start = row.size();
  row.resize(start + 3072, 0);
  for (size_t c = 0; c < 3; ++c) row[start + c * 1024 + 1 * 32 + 2] = uint8_t(11 * (c + 1));
  return row;
}

std::vector<uint8_t> read_image(const ImageDataset& dataset, int64_t index) {
  std::vector<uint8_t> pixels(size_t(dataset.shape().bytes()));
  dataset.read(index, pixels.data());
  return pixels;
}

}  // namespace

class TestMnistIdx : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

  // Two digits: the first has 7 at its top-left pixel, the second 200 at its bottom-right.
  void write_digits() {
    std::vector<uint8_t> pixels(2 * 784, 0);
    pixels[0] = 7;
    pixels[784 + 27 * 28 + 27] = 200;
    for (const char* part : {"train", "t10k"}) {
      write_bytes(path((std::string(part) + "-images-idx3-ubyte").c_str()), idx_images(2, 28, 28, pixels));
      write_bytes(path((std::string(part) + "-labels-idx1-ubyte").c_str()), idx_labels({3, 9}));
    }
  }

 private slots:
  void pads_digits_to_32_and_replicates_grey() {
    write_digits();
    const TrainTestSplit split = open_dataset(DatasetKind::Mnist, dir_.path().toStdString(), 32);
    QCOMPARE(split.train->size(), 2);
    QCOMPARE(split.test->size(), 2);
    QCOMPARE(split.train->shape().height, 32);
    QCOMPARE(split.train->label(0), 3);
    QCOMPARE(split.train->label(1), 9);
    QCOMPARE(split.train->num_classes(), 10);
    const std::vector<uint8_t> first = read_image(*split.train, 0);
    for (int c = 0; c < 3; ++c) QCOMPARE(int(first[(2 * 32 + 2) * 3 + c]), 7);  // digit (0,0) lands at (2,2)
    QCOMPARE(int(first[(1 * 32 + 1) * 3]), 0);
    const std::vector<uint8_t> second = read_image(*split.train, 1);
    for (int c = 0; c < 3; ++c) QCOMPARE(int(second[(29 * 32 + 29) * 3 + c]), 200);  // (27,27) -> (29,29)
    QCOMPARE(int(second[(30 * 32 + 30) * 3]), 0);
  }

  void resizes_to_other_input_sizes() {
    // A digit filled with 100: after padding and doubling to 64, the centre stays 100 and
    // the border (padding) stays 0.
    write_bytes(path("train-images-idx3-ubyte"), idx_images(1, 28, 28, std::vector<uint8_t>(784, 100)));
    write_bytes(path("train-labels-idx1-ubyte"), idx_labels({5}));
    write_bytes(path("t10k-images-idx3-ubyte"), idx_images(1, 28, 28, std::vector<uint8_t>(784, 100)));
    write_bytes(path("t10k-labels-idx1-ubyte"), idx_labels({5}));
    const TrainTestSplit split = open_dataset(DatasetKind::Mnist, dir_.path().toStdString(), 64);
    QCOMPARE(split.train->shape().height, 64);
    QCOMPARE(split.train->shape().bytes(), 64 * 64 * 3);
    const std::vector<uint8_t> image = read_image(*split.train, 0);
    QCOMPARE(int(image[(32 * 64 + 32) * 3]), 100);
    QCOMPARE(int(image[0]), 0);
  }

  void rejects_bad_files() {
    const std::vector<uint8_t> pixels(784, 1);
    const std::vector<uint8_t> good = idx_images(1, 28, 28, pixels);
    expect_input_error([&] { parse_idx_images({}, "a.idx"); }, "a.idx", "empty");
    expect_input_error([&] { parse_idx_images(std::span(good).first(10), "a.idx"); }, "a.idx", "truncated");
    expect_input_error([&] { parse_idx_images(std::span(good).first(good.size() - 1), "a.idx"); }, "a.idx",
                       "truncated");
    std::vector<uint8_t> longer = good;
    longer.push_back(0);
    expect_input_error([&] { parse_idx_images(longer, "a.idx"); }, "a.idx", "size");
    expect_input_error([&] { parse_idx_images(idx_labels({1}), "a.idx"); }, "a.idx", "magic");
    expect_input_error([&] { parse_idx_labels(idx_labels({3, 10}), "l.idx", 10); }, "l.idx", "out of range");
    expect_input_error([&] { parse_idx_labels(idx_labels({}), "l.idx", 10); }, "l.idx", "no labels");

    write_bytes(path("train-images-idx3-ubyte"), idx_images(1, 27, 29, std::vector<uint8_t>(27 * 29)));
    write_bytes(path("train-labels-idx1-ubyte"), idx_labels({1}));
    expect_input_error([&] { open_mnist(dir_.path().toStdString(), 32); }, "train-images-idx3-ubyte", "dimensions");
    write_bytes(path("train-images-idx3-ubyte"), good);
    write_bytes(path("train-labels-idx1-ubyte"), idx_labels({1, 2}));
    expect_input_error([&] { open_mnist(dir_.path().toStdString(), 32); }, "train-labels-idx1-ubyte", "2 labels");
    std::filesystem::remove(path("train-labels-idx1-ubyte"));
    expect_input_error([&] { open_mnist(dir_.path().toStdString(), 32); }, "train-labels-idx1-ubyte", "not found");
  }

  // The digits scripts/fetch-mnist.sh puts in the build folder, when they are there.
  void reads_the_built_in_digits() {
    if (!std::filesystem::exists(std::string(ISL_BUILT_IN_DATA) + "/train-images-idx3-ubyte")) {
      QSKIP("built-in MNIST not fetched (scripts/fetch-mnist.sh)");
    }
    const TrainTestSplit split = open_dataset(DatasetKind::Mnist, ISL_BUILT_IN_DATA, 32);
    QCOMPARE(split.train->size(), 8000);
    QCOMPARE(split.test->size(), 2000);
    std::vector<int> per_digit(10, 0);
    for (int64_t i = 0; i < split.train->size(); ++i) ++per_digit[size_t(split.train->label(i))];
    for (int count : per_digit) QVERIFY(count > 600 && count < 1000);  // about 800 of each digit
    const std::vector<uint8_t> image = read_image(*split.train, 0);
    int bright = 0;
    for (uint8_t v : image) bright += v > 128;
    QVERIFY(bright > 3 * 40);  // a drawn digit, not a blank
    QCOMPARE(int(image[0]), 0);  // padding
  }
};

class TestCifar : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  void reads_cifar10_rows_in_hwc_order() {
    // As the archive unpacks: PATH/cifar-10-batches-bin/*.bin, one row per batch file.
    const std::filesystem::path folder = dir_.filePath("cifar-10-batches-bin").toStdString();
    std::filesystem::create_directory(folder);
    for (int b = 1; b <= 5; ++b) {
      write_bytes((folder / ("data_batch_" + std::to_string(b) + ".bin")).string(), cifar_row({uint8_t(b - 1)}));
    }
    std::vector<uint8_t> test = cifar_row({9});
    const std::vector<uint8_t> second = cifar_row({6});
    test.insert(test.end(), second.begin(), second.end());
    write_bytes((folder / "test_batch.bin").string(), test);

    const TrainTestSplit split = open_dataset(DatasetKind::Cifar10, dir_.path().toStdString(), 32);
    QCOMPARE(split.train->size(), 5);
    for (int i = 0; i < 5; ++i) QCOMPARE(split.train->label(i), i);
    QCOMPARE(split.test->size(), 2);
    QCOMPARE(split.test->label(1), 6);
    QCOMPARE(split.test->num_classes(), 10);
    const std::vector<uint8_t> image = read_image(*split.test, 1);
    const size_t pixel = (1 * 32 + 2) * 3;  // row 1, column 2
    QCOMPARE(int(image[pixel]), 11);
    QCOMPARE(int(image[pixel + 1]), 22);
    QCOMPARE(int(image[pixel + 2]), 33);
    QCOMPARE(int(image[pixel + 3]), 0);
  }

  void reads_cifar100_fine_labels() {
    std::vector<uint8_t> rows = cifar_row({3, 57});
    const std::vector<uint8_t> second = cifar_row({19, 99});
    rows.insert(rows.end(), second.begin(), second.end());
    write_bytes(dir_.filePath("train.bin").toStdString(), rows);
    write_bytes(dir_.filePath("test.bin").toStdString(), cifar_row({0, 4}));
    const TrainTestSplit split = open_dataset(DatasetKind::Cifar100, dir_.path().toStdString(), 32);
    QCOMPARE(split.train->size(), 2);
    QCOMPARE(split.train->label(0), 57);
    QCOMPARE(split.train->label(1), 99);
    QCOMPARE(split.train->num_classes(), 100);
    QCOMPARE(split.test->label(0), 4);
    QCOMPARE(int(read_image(*split.train, 0)[(1 * 32 + 2) * 3 + 2]), 33);
  }

  void rejects_bad_rows() {
    std::vector<uint8_t> pixels;
    std::vector<int> labels;
    const std::vector<uint8_t> row = cifar_row({1});
    expect_input_error([&] { append_cifar_rows({}, "b.bin", CifarVariant::Cifar10, pixels, labels); }, "b.bin",
                       "empty");
    expect_input_error(
        [&] { append_cifar_rows(std::span(row).first(3000), "b.bin", CifarVariant::Cifar10, pixels, labels); },
        "b.bin", "multiple of the row size");
    expect_input_error([&] { append_cifar_rows(row, "b.bin", CifarVariant::Cifar100, pixels, labels); }, "b.bin",
                       "multiple");
    expect_input_error(
        [&] { append_cifar_rows(cifar_row({10}), "b.bin", CifarVariant::Cifar10, pixels, labels); }, "b.bin",
        "out of range");
    expect_input_error(
        [&] { append_cifar_rows(cifar_row({2, 100}), "c.bin", CifarVariant::Cifar100, pixels, labels); }, "c.bin",
        "out of range");
    const std::string empty = dir_.filePath("empty").toStdString();
    std::filesystem::create_directory(empty);
    expect_input_error([&] { open_dataset(DatasetKind::Cifar100, empty, 32); }, "train.bin", "not found");
  }
};

class TestSvhn : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  // X is 32x32x3xcount; element (row 3, col 5, channel 1) of image 1 is 99.
  std::string write_mat(const char* name, std::vector<size_t> x_dims, std::vector<double> y, bool with_y = true,
                        matio_compression compression = MAT_COMPRESSION_NONE) {
    const std::string path = dir_.filePath(name).toStdString();
    mat_t* mat = Mat_CreateVer(path.c_str(), nullptr, MAT_FT_MAT5);
    size_t count = 1;
    for (size_t d : x_dims) count *= d;
    std::vector<uint8_t> x(count, 0);
    if (count > 3 + 32 * 5 + 1024 + 3072) x[3 + 32 * 5 + 1024 * 1 + 3072 * 1] = 99;
    matvar_t* xv = Mat_VarCreate("X", MAT_C_UINT8, MAT_T_UINT8, int(x_dims.size()), x_dims.data(), x.data(), 0);
    Mat_VarWrite(mat, xv, compression);
    Mat_VarFree(xv);
    if (with_y) {
      size_t y_dims[2] = {y.size(), 1};
      matvar_t* yv = Mat_VarCreate("y", MAT_C_DOUBLE, MAT_T_DOUBLE, 2, y_dims, y.data(), 0);
      Mat_VarWrite(mat, yv, compression);
      Mat_VarFree(yv);
    }
    Mat_Close(mat);
    return path;
  }

 private slots:
  void reads_column_major_pixels_and_maps_label_10_to_0() {
    write_mat("train_32x32.mat", {32, 32, 3, 2}, {10, 4});
    write_mat("test_32x32.mat", {32, 32, 3, 1}, {1});
    const TrainTestSplit split = open_dataset(DatasetKind::Svhn, dir_.path().toStdString(), 32);
    QCOMPARE(split.train->size(), 2);
    QCOMPARE(split.train->label(0), 0);
    QCOMPARE(split.train->label(1), 4);
    QCOMPARE(split.test->label(0), 1);
    const std::vector<uint8_t> image = read_image(*split.train, 1);
    QCOMPARE(int(image[(3 * 32 + 5) * 3 + 1]), 99);  // row 3, column 5, green
    QCOMPARE(int(image[(5 * 32 + 3) * 3 + 1]), 0);
    QCOMPARE(int(read_image(*split.train, 0)[(3 * 32 + 5) * 3 + 1]), 0);
  }

  void rejects_bad_variables() {
    const std::string no_y = write_mat("no_y.mat", {32, 32, 3, 1}, {}, false);
    expect_input_error([&] { load_svhn_file(no_y); }, "no_y.mat", "variable y");
    const std::string grey = write_mat("grey.mat", {32, 32, 1, 2}, {1, 2});
    expect_input_error([&] { load_svhn_file(grey); }, "grey.mat", "dimensions");
    const std::string short_y = write_mat("short_y.mat", {32, 32, 3, 2}, {1});
    expect_input_error([&] { load_svhn_file(short_y); }, "short_y.mat", "dimensions");
    const std::string label_11 = write_mat("label.mat", {32, 32, 3, 1}, {11});
    expect_input_error([&] { load_svhn_file(label_11); }, "label.mat", "out of range");

    const std::string truncated = write_mat("cut.mat", {32, 32, 3, 2}, {1, 2});
    std::filesystem::resize_file(truncated, 3000);
    expect_input_error([&] { load_svhn_file(truncated); }, "cut.mat", "truncated");
    const std::string text = dir_.filePath("text.mat").toStdString();
    write_bytes(text, std::vector<uint8_t>(200, 'x'));
    expect_input_error([&] { load_svhn_file(text); }, "text.mat", "not a readable MATLAB file");
    expect_input_error([&] { load_svhn_file(dir_.filePath("none.mat").toStdString()); }, "none.mat", "not found");
  }

  // Found by fuzz_svhn: matio allocated the data as X's dimensions announced (terabytes) before
  // reading it; the dimensions are now checked against what the file can hold first.
  void rejects_dimensions_larger_than_the_file() {
    const std::string path = write_mat("huge.mat", {32, 32, 3, 1}, {1});
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    // 128-byte file header, matrix tag, array flags (16 bytes), dimensions tag, then 32, 32, 3, N.
    constexpr std::streamoff kImageCount = 128 + 8 + 16 + 8 + 12;
    int32_t count = 0;
    file.seekg(kImageCount);
    file.read(reinterpret_cast<char*>(&count), sizeof count);
    QCOMPARE(count, 1);
    count = 0x7fffffff;
    file.seekp(kImageCount);
    file.write(reinterpret_cast<const char*>(&count), sizeof count);
    file.close();
    expect_input_error([&] { load_svhn_file(path); }, "huge.mat", "more than the file can hold");
  }

  // Found by fuzz_svhn: matio took a dimensions tag announcing 2 GB as a rank of half a billion
  // and allocated 4 GB for it; variable headers are now checked before matio reads them.
  void rejects_damaged_variable_headers() {
    const std::string path = write_mat("rank.mat", {32, 32, 3, 1}, {1});
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    // 128-byte file header, matrix tag, array flags (16 bytes), then the dimensions tag.
    constexpr std::streamoff kDimensionBytes = 128 + 8 + 16 + 4;
    uint32_t bytes = 0;
    file.seekg(kDimensionBytes);
    file.read(reinterpret_cast<char*>(&bytes), sizeof bytes);
    QCOMPARE(bytes, 16u);
    bytes = 0x7c000010;
    file.seekp(kDimensionBytes);
    file.write(reinterpret_cast<const char*>(&bytes), sizeof bytes);
    file.close();
    expect_input_error([&] { load_svhn_file(path); }, "rank.mat", "damaged variable header");

    // Found by fuzz_svhn in the check itself: dimensions running past a truncated file's end
    // were followed there (a heap-buffer-overflow under AddressSanitizer).
    const std::string cut = write_mat("cut_header.mat", {32, 32, 3, 1}, {1});
    std::fstream cut_file(cut, std::ios::in | std::ios::out | std::ios::binary);
    bytes = 128;
    cut_file.seekp(kDimensionBytes);
    cut_file.write(reinterpret_cast<const char*>(&bytes), sizeof bytes);
    cut_file.close();
    std::filesystem::resize_file(cut, kDimensionBytes + 4 + 16);
    expect_input_error([&] { load_svhn_file(cut); }, "cut_header.mat", "damaged variable header");

    // Found by fuzz_svhn: a variable whose size is not padded to 8 bytes made the check and
    // matio look for the next variable in different places (matio then allocated 8 GB).
    const std::string odd = write_mat("odd.mat", {32, 32, 3, 1}, {1});
    std::fstream odd_file(odd, std::ios::in | std::ios::out | std::ios::binary);
    odd_file.seekg(128 + 4);
    odd_file.read(reinterpret_cast<char*>(&bytes), sizeof bytes);
    bytes += 1;
    odd_file.seekp(128 + 4);
    odd_file.write(reinterpret_cast<const char*>(&bytes), sizeof bytes);
    odd_file.close();
    expect_input_error([&] { load_svhn_file(odd); }, "odd.mat", "damaged variable header");

    // Found by fuzz_svhn: without a MAT 5 header matio read the bytes as a MAT 4 file and
    // allocated what they announced (over 2 GB).
    const std::string old = write_mat("old.mat", {32, 32, 3, 1}, {1});
    std::fstream old_file(old, std::ios::in | std::ios::out | std::ios::binary);
    old_file.seekp(124);
    old_file.write("\0\0\0\0", 4);
    old_file.close();
    expect_input_error([&] { load_svhn_file(old); }, "old.mat", "no MAT 5 or 7.3 header");
  }

  // SVHN's own files are compressed: the header check inflates their start.
  void reads_compressed_files() {
    const std::string path = write_mat("zipped.mat", {32, 32, 3, 2}, {10, 4}, true, MAT_COMPRESSION_ZLIB);
    const auto images = load_svhn_file(path);
    QCOMPARE(images->size(), 2);
    QCOMPARE(images->label(0), 0);
    QCOMPARE(int(read_image(*images, 1)[(3 * 32 + 5) * 3 + 1]), 99);
  }
};

ISL_REGISTER_TEST(TestMnistIdx);
ISL_REGISTER_TEST(TestCifar);
ISL_REGISTER_TEST(TestSvhn);

#include "test_datasets.moc"
