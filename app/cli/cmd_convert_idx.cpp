// `dino convert-idx`: MNIST-style IDX files (Fashion-MNIST from Debian's dataset-fashion-mnist, MNIST,
// KMNIST) into the MedMNIST .npz layout that `dino train --set data.dataset=FILE` reads.
#include "parser.h"

#include "api/analysis.h"
#include "common/fsutil.h"

#include <cstdio>
#include <stdexcept>

namespace {

int runConvertIdx(const dino::cli::Args& args) {
    using namespace dino::cli;
    dino::api::IdxConversion c;
    bool fashion = false;
    std::string dir;
    Parser p("convert-idx",
             "Writes MNIST-style IDX files (plain or .gz) as a MedMNIST-layout .npz: train_images (N,28,28)\n"
             "uint8, train_labels (N,1), val_* and test_*. The last --val training images become the val\n"
             "split; the test files are the test split. The file trains and evaluates like a grey MedMNIST\n"
             "set: `dino train --set data.dataset=FILE`.\n"
             "--fashion-mnist takes the four files of Debian's dataset-fashion-mnist (apt install\n"
             "dataset-fashion-mnist) with the split of docs/learning-at-scale.md: train = the first 54,000\n"
             "training images, val = the last 6,000, test = the official 10,000.\n");
    p.text("--out", c.out, "FILE", "the .npz to write (required)")
        .action("--fashion-mnist", fashion, "Debian's Fashion-MNIST files, val = the last 6,000 training images")
        .text("--dir", dir, "DIR", "with --fashion-mnist: where the four .gz files are (default: Debian's folder)")
        .text("--train-images", c.train_images, "FILE", "training images (idx3-ubyte[.gz])")
        .text("--train-labels", c.train_labels, "FILE", "training labels (idx1-ubyte[.gz])")
        .text("--test-images", c.test_images, "FILE", "test images")
        .text("--test-labels", c.test_labels, "FILE", "test labels")
        .number("--val", c.val_count, "N", "the last N training images become the val split (default 0: none)");
    if (auto code = p.parse(args)) return *code;
    if (c.out.empty()) return p.usageError("--out FILE is required");
    if (fashion) {
        if (!c.train_images.empty() || !c.test_images.empty() || !c.train_labels.empty() || !c.test_labels.empty())
            return p.usageError("--fashion-mnist names the four files itself; leave out --train-*/--test-*");
        const auto out = c.out;
        c = dino::api::fashionMnistConversion(dir.empty() ? dino::api::debianFashionMnistDir() : dir, out);
    } else if (c.train_images.empty() || c.train_labels.empty() || c.test_images.empty() || c.test_labels.empty()) {
        return p.usageError("name the four files (--train-images, --train-labels, --test-images, --test-labels) "
                            "or use --fashion-mnist");
    }
    c.out = dino::expandHome(c.out);
    dino::api::DatasetSummary s;
    try {
        s = dino::api::convertIdxDataset(c);
    } catch (const std::invalid_argument& e) {  // --val out of range for these files
        return p.usageError(e.what());
    }
    std::printf("wrote %s: %d px grey images;", s.path.c_str(), s.image_size);
    for (size_t k = 0; k < s.splits.size(); ++k)
        std::printf(" %s %lld%s", s.splits[k].c_str(), static_cast<long long>(s.sizes[k]), k + 1 < s.splits.size() ? "," : "");
    std::printf("\ntrain on it with: dino train --preset quick --set data.dataset=%s --run DIR\n", s.path.c_str());
    return kOk;
}

}  // namespace

DINO_COMMAND("convert-idx", "write MNIST-style IDX files (e.g. Debian's Fashion-MNIST) as a MedMNIST .npz", runConvertIdx);
