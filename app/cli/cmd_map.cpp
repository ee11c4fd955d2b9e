// `dino map`: the embedding map of a split (PCA of the L2-normalised features) as CSV, PNG and a
// TensorBoard Projector bundle, with each point's k-NN neighbours on request.
#include "analysis_command.h"
#include "parser.h"

#include "api/inspection.h"

#include <cstdio>
#include <optional>

namespace dino::cli {
namespace {

const char* kMapDescription =
    "Features of a split (the run's teacher by default; L2-normalised, as the k-NN compares them)\n"
    "in 2-D. PCA (the default): the first two principal components (a thin SVD of the centred\n"
    "features, in float64; signs fixed so that each component's largest loading is positive); exact,\n"
    "deterministic, its axes and distances mean something, and it prints the variance each component\n"
    "explains. t-SNE: exact t-SNE (perplexity-calibrated Gaussian affinities, Student-t kernel, early\n"
    "exaggeration 12 for 250 iterations, initialised from the PCA layout, so deterministic); shows\n"
    "local neighbourhoods and clusters better, but distances between clusters mean little. O(N^2):\n"
    "up to 12,000 images (a 7,180-image split takes minutes on 2 cores).\n\n"
    "At least one of --out, --png, --projector, --neighbours is required.\n";

}  // namespace

int runMap(const Args& args) {
    std::string dir, split, out, png, projector;
    std::optional<long long> point;
    api::ModelSource source;  // its defaults are the options' defaults
    api::MapOptions mo;
    Parser p("map", kMapDescription);
    p.positional("DIR", dir, "the run directory")
        .text("--split", split, "NAME",
              "train, val or test (default: the run's eval.test_split); the memory bank of the neighbours is "
              "eval.train_split");
    modelOptions(p, source)
        .choice("--method", mo.method, {"pca", "tsne"}, "pca (default) or tsne")
        .number("--perplexity", mo.perplexity, "P", "t-SNE perplexity (default 30; at most (N - 1) / 3)")
        .number("--iterations", mo.iterations, "N", "t-SNE iterations (default 1000)", Bounds{1, 100000})
        .text("--out", out, "MAP.csv", "index,split,label,x,y: one row a point")
        .text("--png", png, "MAP.png", "the scatter, coloured by class (the key is printed)")
        .text("--projector", projector, "DIR",
              "tensors.tsv, metadata.tsv, sprite.png, projector_config.pbtxt for the TensorBoard Projector "
              "(tensorboard --logdir DIR, or load the files at projector.tensorflow.org)")
        .number("--neighbours", point, "I",
                "print point I's eval.knn_k nearest neighbours in the memory bank (the ones the weighted k-NN votes "
                "with) and the vote",
                Bounds{0, {}})
        .footer("exit codes: 0 ok, 1 failure, 2 bad usage, 3 cancelled (Ctrl-C), 4 data error\n");
    if (auto code = p.parse(args)) return *code;
    if (out.empty() && png.empty() && projector.empty() && !point)
        return p.usageError("nothing to write: give --out, --png, --projector or --neighbours");
    if (!(mo.perplexity > 0 && mo.perplexity < 1e6))
        return p.usageError("--perplexity must be a number > 0, got " + formatNumber(mo.perplexity));
    return guardedWithUsage([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        PercentLine line(mo.method == "tsne" ? "computing features and t-SNE" : "computing features");
        const api::EmbeddingMap m = api::computeEmbeddingMap(dir, split, source,
                                                             [&](int64_t d, int64_t t) {
                                                                 reachPhase("evaluation");
                                                                 line(d, t);
                                                             },
                                                             interruptFlag(), mo);
        line.done();
        if (point && *point >= m.n) {
            std::cerr << "error: --neighbours " << *point << " is not a point of the " << m.split << " split (it has "
                      << m.n << ", 0-based)\n";
            return int(kUsage);
        }
        checkInterrupted("export");
        std::printf("%s%s%s: %lld points of the %s split, %d-dimensional features; PC1 explains %.1f %%, PC2 %.1f %% "
                    "of the variance\n",
                    m.model.c_str(), m.model == "random-init" ? "" : " of ",
                    m.model == "random-init" ? "" : m.checkpoint.c_str(), static_cast<long long>(m.n), m.split.c_str(),
                    m.dim, 100 * m.explained[0], 100 * m.explained[1]);
        if (m.method == "tsne")
            std::printf("t-SNE: perplexity %.1f, %d iterations from the PCA layout, KL(P || Q) = %.4f\n", m.perplexity,
                        mo.iterations, m.tsne_kl);
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
        if (point) {
            const auto name = [&](int l) {
                return l >= 0 && l < int(m.class_names.size()) ? m.class_names[size_t(l)] : std::to_string(l);
            };
            const size_t p = size_t(*point);
            std::printf("point %lld: label %d (%s); weighted %d-NN vote: %d (%s)\n", *point, m.labels[p],
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
