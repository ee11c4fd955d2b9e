// `dino map`: the embedding map of a split (PCA of the L2-normalised features) as CSV, PNG and a
// TensorBoard Projector bundle, with each point's k-NN neighbours on request.
#include "analysis_command.h"

#include "api/inspection.h"

#include <cstdio>
#include <sstream>

namespace dino::cli {
namespace {

const char* kMapUsage =
    "usage: dino map DIR [--split NAME] [--model teacher|student|random-init] [--checkpoint FILE]\n"
    "                [--out MAP.csv] [--png MAP.png] [--projector DIR] [--neighbours I]\n\n"
    "Features of a split (the run's teacher by default; L2-normalised, as the k-NN compares them)\n"
    "projected on their first two principal components (a thin SVD of the centred features, in\n"
    "float64; signs fixed so that each component's largest loading is positive). Prints the variance\n"
    "each component explains. PCA rather than t-SNE: it is exact and deterministic, its axes and\n"
    "distances mean something, and two checkpoints' maps are computed the same way.\n\n"
    "options:\n"
    "  --split NAME      train, val or test (default: the run's eval.test_split); the memory bank of\n"
    "                    the neighbours is eval.train_split\n"
    "  --model M         teacher (default), student, or random-init (the run's seed, untrained)\n"
    "  --checkpoint FILE this checkpoint instead of DIR/checkpoints/last.ckpt (any epoch_NNN.ckpt)\n"
    "  --out MAP.csv     index,split,label,x,y: one row a point\n"
    "  --png MAP.png     the scatter, coloured by class (the key is printed)\n"
    "  --projector DIR   tensors.tsv, metadata.tsv, sprite.png, projector_config.pbtxt for the\n"
    "                    TensorBoard Projector (tensorboard --logdir DIR, or load the files at\n"
    "                    projector.tensorflow.org)\n"
    "  --neighbours I    print point I's eval.knn_k nearest neighbours in the memory bank (the ones\n"
    "                    the weighted k-NN votes with) and the vote\n"
    "At least one of --out, --png, --projector, --neighbours is required.\n\n"
    "exit codes: 0 ok, 1 failure, 2 bad usage, 3 cancelled (Ctrl-C), 4 data error\n";

}  // namespace

int runMap(const Args& a) {
    if (wantsHelp(a)) {
        std::cout << kMapUsage;
        return kOk;
    }
    const auto pos = positionals(a, {"--split", "--model", "--checkpoint", "--out", "--png", "--projector", "--neighbours"});
    if (pos.size() != 1) return usageError("expected one run directory", kMapUsage);
    const std::string out = option(a, "--out"), png = option(a, "--png"), projector = option(a, "--projector"),
                      neighbours = option(a, "--neighbours");
    if (out.empty() && png.empty() && projector.empty() && neighbours.empty())
        return usageError("nothing to write: give --out, --png, --projector or --neighbours", kMapUsage);
    long long point = -1;
    if (!neighbours.empty()) {
        std::istringstream in(neighbours);
        in >> point;
        if (in.fail() || !in.eof() || point < 0)
            return usageError("--neighbours takes a point index >= 0, got '" + neighbours + "'", kMapUsage);
    }
    api::ModelSource source;
    source.checkpoint = option(a, "--checkpoint");
    source.model = option(a, "--model", "teacher");
    if (source.model != "teacher" && source.model != "student" && source.model != "random-init")
        return usageError("--model must be teacher, student or random-init, got '" + source.model + "'", kMapUsage);
    return guardedWithUsage([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        PercentLine line("computing features");
        const api::EmbeddingMap m = api::computeEmbeddingMap(pos[0], option(a, "--split"), source,
                                                             [&](int64_t d, int64_t t) {
                                                                 reachPhase("evaluation");
                                                                 line(d, t);
                                                             },
                                                             interruptFlag());
        line.done();
        if (point >= m.n) {
            std::cerr << "error: --neighbours " << point << " is not a point of the " << m.split << " split (it has "
                      << m.n << ", 0-based)\n";
            return int(kUsage);
        }
        checkInterrupted("export");
        std::printf("%s%s%s: %lld points of the %s split, %d-dimensional features; PC1 explains %.1f %%, PC2 %.1f %% "
                    "of the variance\n",
                    m.model.c_str(), m.model == "random-init" ? "" : " of ",
                    m.model == "random-init" ? "" : m.checkpoint.c_str(), static_cast<long long>(m.n), m.split.c_str(),
                    m.dim, 100 * m.explained[0], 100 * m.explained[1]);
        if (!out.empty()) {
            api::writeMapCsv(m, out);
            std::printf("wrote %s (index,split,label,x,y; %lld rows)\n", out.c_str(), static_cast<long long>(m.n));
        }
        if (!png.empty()) {
            api::writeMapPng(m, png);
            std::printf("wrote %s; colours:\n", png.c_str());
            for (size_t c = 0; c < m.class_names.size(); ++c) {
                uint8_t rgb[3];
                api::colourOfClass(int(c), rgb);
                std::printf("  #%02x%02x%02x  %zu  %s\n", rgb[0], rgb[1], rgb[2], c, m.class_names[c].c_str());
            }
        }
        if (!projector.empty()) {
            const auto files = api::writeProjector(m, projector);
            std::printf("wrote the TensorBoard Projector bundle:");
            for (const auto& f : files) std::printf(" %s", f.c_str());
            std::printf("\n");
        }
        if (point >= 0) {
            const auto name = [&](int l) {
                return l >= 0 && l < int(m.class_names.size()) ? m.class_names[size_t(l)] : std::to_string(l);
            };
            const size_t p = size_t(point);
            std::printf("point %lld: label %d (%s); weighted %d-NN vote: %d (%s)\n", point, m.labels[p],
                        name(m.labels[p]).c_str(), m.knn_k, m.knn_prediction[p], name(m.knn_prediction[p]).c_str());
            std::printf("  %-4s %-10s %-11s %s\n", "rank", m.bank_split.c_str(), "similarity", "label");
            for (int k = 0; k < m.knn_k; ++k) {
                const size_t j = p * size_t(m.knn_k) + size_t(k);
                const int64_t row = m.neighbour_index[j];
                std::printf("  %-4d %-10lld %-11.4f %d (%s)\n", k + 1, static_cast<long long>(row),
                            m.neighbour_similarity[j], m.bank_labels[size_t(row)], name(m.bank_labels[size_t(row)]).c_str());
            }
        }
        return int(kOk);
    });
}

}  // namespace dino::cli

DINO_COMMAND("map", "embedding map of a split: PCA coordinates (CSV, PNG), Projector bundle, neighbours", dino::cli::runMap);
