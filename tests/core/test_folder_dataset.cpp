#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "core/data/folder_dataset.h"
#include "core/data/image_dataset.h"
#include "data_test_files.h"
#include "test_registry.h"

using namespace isl::data;
using isl::test::expect_input_error;
using isl::test::write_bytes;
namespace fs = std::filesystem;

class TestFolderDataset : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  fs::path root() const { return dir_.path().toStdString(); }

  static void write_png(const fs::path& file, const cv::Mat& image) {
    fs::create_directories(file.parent_path());
    QVERIFY(cv::imwrite(file.string(), image));
  }

  static std::vector<uint8_t> read_image(const ImageDataset& dataset, int64_t index) {
    std::vector<uint8_t> pixels(size_t(dataset.shape().bytes()));
    dataset.read(index, pixels.data());
    return pixels;
  }

 private slots:
  void initTestCase() {
    // train/cat: a 4x4 colour image whose pixel (row 1, col 2) is RGB (10, 20, 30), the rest
    // (200, 100, 50); train/dog: a grey 4x4 image of 77. OpenCV writes BGR.
    cv::Mat colour(4, 4, CV_8UC3, cv::Scalar(50, 100, 200));
    colour.at<cv::Vec3b>(1, 2) = cv::Vec3b(30, 20, 10);
    write_png(root() / "train" / "cat" / "a.png", colour);
    write_png(root() / "train" / "dog" / "g.png", cv::Mat(4, 4, CV_8UC1, cv::Scalar(77)));
    write_bytes((root() / "train" / "dog" / "notes.txt").string(), {'h', 'i'});
    write_png(root() / "val" / "dog" / "v.png", cv::Mat(6, 3, CV_8UC3, cv::Scalar(1, 2, 3)));
  }

  void lists_classes_in_sorted_order_and_decodes_rgb() {
    const TrainTestSplit split = open_dataset(DatasetKind::Folder, root().string(), 4);
    QCOMPARE(split.train->size(), 2);  // notes.txt is not an image
    QCOMPARE(split.train->num_classes(), 2);
    QCOMPARE(split.train->label(0), 0);  // cat
    QCOMPARE(split.train->label(1), 1);  // dog
    QCOMPARE(split.test->size(), 1);
    QCOMPARE(split.test->label(0), 1);  // dog keeps the train index without a val/cat folder
    QCOMPARE(split.test->num_classes(), 2);

    const std::vector<uint8_t> colour = read_image(*split.train, 0);
    const size_t pixel = (1 * 4 + 2) * 3;
    QCOMPARE(int(colour[pixel]), 10);
    QCOMPARE(int(colour[pixel + 1]), 20);
    QCOMPARE(int(colour[pixel + 2]), 30);
    QCOMPARE(int(colour[0]), 200);
    const std::vector<uint8_t> grey = read_image(*split.train, 1);
    for (uint8_t v : grey) QCOMPARE(int(v), 77);
  }

  void resizes_to_the_input_size() {
    // The 6x3 val image (RGB 3, 2, 1 everywhere) becomes 8x8 of the same colour.
    const TrainTestSplit split = open_dataset(DatasetKind::Folder, root().string(), 8);
    QCOMPARE(split.test->shape().height, 8);
    QCOMPARE(split.test->shape().width, 8);
    const std::vector<uint8_t> image = read_image(*split.test, 0);
    QCOMPARE(image.size(), size_t(8 * 8 * 3));
    for (size_t i = 0; i < image.size(); i += 3) {
      QCOMPARE(int(image[i]), 3);
      QCOMPARE(int(image[i + 2]), 1);
    }
  }

  void reports_bad_layouts_and_images() {
    const fs::path empty = root() / "empty";
    fs::create_directories(empty / "train");
    expect_input_error([&] { open_image_folders(empty.string(), 32); }, "train", "no class folders");
    fs::create_directories(empty / "train" / "cat");
    expect_input_error([&] { open_image_folders(empty.string(), 32); }, "train", "no images");
    write_png(empty / "train" / "cat" / "a.png", cv::Mat(2, 2, CV_8UC1, cv::Scalar(0)));
    expect_input_error([&] { open_image_folders(empty.string(), 32); }, "val", "not found");
    write_png(empty / "test" / "bird" / "b.png", cv::Mat(2, 2, CV_8UC1, cv::Scalar(0)));
    expect_input_error([&] { open_image_folders(empty.string(), 32); }, "bird", "not present in the training set");

    const fs::path broken = empty / "train" / "cat" / "broken.jpg";
    write_bytes(broken.string(), {0xff, 0xd8, 0xff, 0x00, 0x01});
    const FolderDataset train((empty / "train").string(), {"cat"}, 4);
    QCOMPARE(train.size(), 2);
    QCOMPARE(train.path(1), broken.string());
    std::vector<uint8_t> pixels(4 * 4 * 3);
    expect_input_error([&] { train.read(1, pixels.data()); }, "broken.jpg", "decode");
  }
};

ISL_REGISTER_TEST(TestFolderDataset);

#include "test_folder_dataset.moc"
