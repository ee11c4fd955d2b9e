// Attention maps and the embedding map (issue 11): the class token's attention against an eager
// float64 implementation written here from the weights, the official script's mask and nearest
// upsampling, PCA against an eigendecomposition of the covariance, the neighbours against a full
// similarity matrix and the k-NN's votes, and the run-directory API with its exports.
#include "api/inspection.h"
#include "api/training_run.h"
#include "common/config.h"
#include "data/dataset.h"
#include "evaluation/attention_maps.h"
#include "evaluation/embedding_map.h"
#include "evaluation/knn.h"
#include "evaluation/tsne.h"
#include "common/fsutil.h"
#include "common/cancellation.h"
#include "data/npy.h"
#include "model/vision_transformer.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <algorithm>
#include <random>
#include <unistd.h>

using namespace dino;
namespace fs = std::filesystem;

namespace {

// ---- an independent eager ViT in float64, from the timm-named parameters ----
torch::Tensor param(VisionTransformer& vit, const std::string& name) {
    for (const auto& p : vit->named_parameters())
        if (p.key() == name) return p.value().detach().to(torch::kDouble);
    throw std::runtime_error("no parameter " + name);
}

torch::Tensor layerNorm64(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
    const auto mean = x.mean(-1, true);
    const auto var = (x - mean).pow(2).mean(-1, true);
    return (x - mean) / (var + 1e-6).sqrt() * w + b;
}

// (B, heads, N, N) attention probabilities of block `block`, everything computed by hand.
torch::Tensor eagerAttention64(VisionTransformer& vit, const torch::Tensor& images, int block) {
    const auto& o = vit->options();
    const auto x = images.to(torch::kDouble);
    auto t = torch::conv2d(x, param(vit, "patch_embed.proj.weight"), {}, o.patch_size);  // (B, D, g, g)
    const int64_t B = t.size(0), D = t.size(1);
    t = t.flatten(2).transpose(1, 2);
    t = torch::cat({param(vit, "cls_token").expand({B, 1, D}), t}, 1) + param(vit, "pos_embed");
    t = layerNorm64(t, param(vit, "norm_pre.weight"), param(vit, "norm_pre.bias"));
    const int64_t H = o.num_heads, hd = D / H, N = t.size(1);
    auto attention = [&](const torch::Tensor& h, const std::string& p) {
        const auto qkv = torch::matmul(h, param(vit, p + "attn.qkv.weight").t()) + param(vit, p + "attn.qkv.bias");
        const auto parts = qkv.reshape({B, N, 3, H, hd}).permute({2, 0, 3, 1, 4});
        const auto logits = torch::matmul(parts[0], parts[1].transpose(-2, -1)) / std::sqrt(double(hd));
        const auto e = (logits - std::get<0>(logits.max(-1, true))).exp();
        return std::make_pair(e / e.sum(-1, true), parts[2]);
    };
    for (int i = 0;; ++i) {
        const std::string p = "blocks." + std::to_string(i) + ".";
        const auto h = layerNorm64(t, param(vit, p + "norm1.weight"), param(vit, p + "norm1.bias"));
        auto [probs, v] = attention(h, p);
        if (i == block) return probs;
        const auto out = torch::matmul(probs, v).transpose(1, 2).reshape({B, N, D});
        t = t + torch::matmul(out, param(vit, p + "attn.proj.weight").t()) + param(vit, p + "attn.proj.bias");
        const auto h2 = layerNorm64(t, param(vit, p + "norm2.weight"), param(vit, p + "norm2.bias"));
        auto m = torch::matmul(h2, param(vit, p + "mlp.fc1.weight").t()) + param(vit, p + "mlp.fc1.bias");
        m = 0.5 * m * (1 + torch::erf(m / std::sqrt(2.0)));
        t = t + torch::matmul(m, param(vit, p + "mlp.fc2.weight").t()) + param(vit, p + "mlp.fc2.bias");
    }
}

VisionTransformer smallVit() {
    torch::manual_seed(7);
    VitOptions o;
    o.embed_dim = 48;
    o.depth = 3;
    o.num_heads = 3;
    VisionTransformer vit(o);
    vit->eval();
    return vit;
}

// The official script's mask, written with torch in float64: sort, normalise, cumsum, > 1 - t.
std::vector<uint8_t> officialMask(const torch::Tensor& map, double threshold) {
    auto [val, idx] = torch::sort(map.to(torch::kDouble));
    val = val / val.sum();
    const auto keep = val.cumsum(0) > (1 - threshold);
    auto out = torch::zeros({map.numel()}, torch::kUInt8);
    out.index_put_({idx}, keep.to(torch::kUInt8));
    return std::vector<uint8_t>(out.data_ptr<uint8_t>(), out.data_ptr<uint8_t>() + out.numel());
}

}  // namespace

TEST_CASE("attention weights: rows are probabilities and equal an eager float64 implementation", "[inspection]") {
    auto vit = smallVit();
    torch::manual_seed(3);
    const auto x = torch::randn({4, 3, 28, 28});
    for (int block : {0, 1, 2}) {
        torch::NoGradGuard ng;
        const auto ours = vit->selfAttention(x, block);
        REQUIRE(ours.sizes() == torch::IntArrayRef({4, 3, 50, 50}));
        CHECK(torch::allclose(ours.sum(-1), torch::ones({4, 3, 50}), 0, 1e-5));
        const auto ref = eagerAttention64(vit, x, block);
        CHECK((ours.to(torch::kDouble) - ref).abs().max().item<double>() < 2e-6);
    }
    // -1 is the last block; a block beyond the model is an error naming it.
    torch::NoGradGuard ng;
    CHECK(torch::equal(vit->selfAttention(x, -1), vit->selfAttention(x, 2)));
    CHECK_THROWS_WITH(vit->selfAttention(x, 3), Catch::Contains("block 3 does not exist"));
}

TEST_CASE("class-token attention: maps over the patches sum to 1 per head, self share split off", "[inspection]") {
    auto vit = smallVit();
    torch::manual_seed(4);
    const auto x = torch::randn({2, 3, 28, 28});
    const auto r = classTokenAttention(vit, x, -1);
    REQUIRE(r.maps.sizes() == torch::IntArrayRef({2, 3, 7, 7}));
    CHECK(torch::allclose(r.maps.sum({2, 3}), torch::ones({2, 3}), 0, 1e-5));
    const auto ref = eagerAttention64(vit, x, 2).select(2, 0);  // (B, heads, N)
    const auto ref_patches = ref.narrow(2, 1, 49);
    const auto ref_maps = (ref_patches / ref_patches.sum(2, true)).reshape({2, 3, 7, 7});
    CHECK((r.maps.to(torch::kDouble) - ref_maps).abs().max().item<double>() < 2e-6);
    CHECK((r.self_share.to(torch::kDouble) - ref.select(2, 0)).abs().max().item<double>() < 2e-6);
}

TEST_CASE("nearest upsampling equals the official interpolate(scale_factor, mode=nearest)", "[inspection]") {
    torch::manual_seed(5);
    const auto maps = torch::rand({2, 3, 7, 7});
    namespace F = torch::nn::functional;
    const auto official = F::interpolate(maps, F::InterpolateFuncOptions()
                                                   .scale_factor(std::vector<double>{4.0, 4.0})
                                                   .mode(torch::kNearest));
    // The torch-free upsampling the GUI and the PNG use, map by map.
    const auto one = maps[1][2].contiguous();
    const auto up = api::upsampleNearest(one.data_ptr<float>(), 7, 4);
    const auto off = official[1][2].contiguous();
    REQUIRE(up.size() == 28u * 28u);
    CHECK(std::equal(up.begin(), up.end(), off.data_ptr<float>()));
    CHECK_THROWS(api::upsampleNearest(one.data_ptr<float>(), 7, 0));
}

TEST_CASE("threshold mask equals the official visualize_attention.py computation", "[inspection]") {
    std::mt19937 rng(11);
    std::gamma_distribution<float> g(0.3f);
    for (int trial = 0; trial < 50; ++trial) {
        std::vector<float> m(49);
        for (auto& v : m) v = g(rng) + 1e-6f;
        const auto t = torch::from_blob(m.data(), {49}, torch::kFloat).clone();
        for (double th : {0.1, 0.5, 0.6, 0.9, 1.0}) {
            INFO("trial " << trial << ", threshold " << th);
            CHECK(api::attentionMask(m.data(), 49, th) == officialMask(t, th));
        }
    }
    // The kept patches hold at least the fraction of the mass; one patch with all of it is kept alone.
    std::vector<float> spike(49, 0.f);
    spike[17] = 1.f;
    const auto k = api::attentionMask(spike.data(), 49, 0.6);
    CHECK(std::count(k.begin(), k.end(), 1) == 1);
    CHECK(k[17] == 1);
}

TEST_CASE("PCA equals an eigendecomposition of the covariance, signs aside, with the explained variance",
          "[inspection]") {
    torch::manual_seed(8);
    // Anisotropic data: three directions with clearly different variances.
    const auto base = torch::randn({300, 16}, torch::kDouble) * torch::linspace(3.0, 0.1, 16, torch::kDouble);
    const auto rot = std::get<0>(torch::linalg_qr(torch::randn({16, 16}, torch::kDouble)));
    const auto x = (base.matmul(rot) + 0.5).to(torch::kFloat);
    const Pca2d p = pca2d(x);
    REQUIRE(p.coords.sizes() == torch::IntArrayRef({300, 2}));
    const auto xd = x.to(torch::kDouble);
    const auto c = xd - xd.mean(0);
    const auto cov = c.t().matmul(c) / 299.0;
    auto [evals, evecs] = torch::linalg_eigh(cov);  // ascending
    for (int k = 0; k < 2; ++k) {
        const auto v = evecs.select(1, 15 - k);
        const auto ref = c.matmul(v);
        const auto ours = p.coords.select(1, k);
        const double sign = (ours * ref).sum().item<double>() > 0 ? 1.0 : -1.0;
        CHECK((ours - sign * ref).abs().max().item<double>() < 1e-4);
        CHECK(p.explained[size_t(k)] == Approx((evals[15 - k] / evals.sum()).item<double>()).epsilon(1e-6));
        // Sign convention: the largest absolute loading is positive.
        const auto comp = p.components[k];
        CHECK(comp[comp.abs().argmax()].item<double>() > 0);
    }
    CHECK(p.explained[0] > p.explained[1]);
    CHECK_THROWS(pca2d(torch::randn({1, 4})));
}

TEST_CASE("neighbours equal the full similarity matrix's top k and give the k-NN's votes", "[inspection]") {
    torch::manual_seed(9);
    auto bank = torch::randn({500, 24});
    bank = bank / bank.norm(2, 1, true);
    auto query = torch::randn({77, 24});
    query = query / query.norm(2, 1, true);
    const auto labels = torch::randint(0, 6, {500}, torch::kLong);
    KnnOptions opt;
    opt.k = 20;
    opt.chunk_rows = 16;  // several blocks
    const Neighbours nb = knnNeighbours(bank, query, opt);
    REQUIRE(nb.indices.sizes() == torch::IntArrayRef({77, 20}));
    // Brute force, float64.
    const auto sim = query.to(torch::kDouble).matmul(bank.to(torch::kDouble).t());
    const auto gathered = sim.gather(1, nb.indices);
    CHECK((gathered - nb.similarities.to(torch::kDouble)).abs().max().item<double>() < 1e-5);
    const auto ref_top = std::get<0>(sim.topk(20, 1));
    CHECK((gathered - ref_top).abs().max().item<double>() < 1e-5);
    // The weighted vote over exactly these neighbours reproduces knnClassify's prediction and scores.
    const KnnResult knn = knnClassify(bank, labels, query, 6, opt);
    const auto w = ((nb.similarities.to(torch::kDouble) - nb.similarities.narrow(1, 0, 1).to(torch::kDouble)) /
                    opt.temperature)
                       .exp();
    auto votes = torch::zeros({77, 6}, torch::kDouble);
    votes.scatter_add_(1, labels.index_select(0, nb.indices.reshape({-1})).view({77, 20}), w);
    CHECK(torch::equal(votes.argmax(1), knn.knn_pred));
    CHECK(torch::allclose(votes / votes.sum(1, true), knn.scores, 0, 1e-12));
}

// ---------------------------------------------------------------- the run-directory API

namespace {

struct InspectRun {
    std::string dir;
    InspectRun() {
        const auto d = fs::temp_directory_path() / ("dino_test_inspection_" + std::to_string(::getpid()));
        fs::remove_all(d);
        RunConfig cfg = presetConfig("tiny");
        cfg.optim.epochs = 2;
        cfg.optim.max_steps_per_epoch = 1;
        cfg.eval.eval_at_end = false;
        cfg.system.keep_checkpoints = -1;
        api::TrainObserver quiet;
        auto run = api::TrainingRun::create(cfg, d.string());
        if (run->run(quiet) != api::RunOutcome::Finished) throw std::runtime_error("the tiny run did not finish");
        dir = d.string();
    }
    ~InspectRun() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const std::string& inspectRun() {
    static const InspectRun run;
    return run.dir;
}

std::vector<std::string> lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> out;
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

size_t fieldsOf(const std::string& line, char sep) { return size_t(std::count(line.begin(), line.end(), sep)) + 1; }

}  // namespace

TEST_CASE("computeAttentionMaps on a run: shapes, sums, teacher vs student vs random init, checkpoints",
          "[inspection][run]") {
    const std::string& dir = inspectRun();
    const std::vector<int64_t> idx = {0, 3, 7};
    const auto a = api::computeAttentionMaps(dir, "test", idx);
    CHECK(a.model == "teacher");
    CHECK(a.block == 1);  // the tiny model's last of 2 blocks
    CHECK(a.depth == 2);
    CHECK(a.heads == 2);
    CHECK(a.grid == 7);
    CHECK(a.epoch == 1);
    REQUIRE(a.maps.size() == 3u * 2u * 49u);
    REQUIRE(a.images.size() == 3u);
    CHECK(a.images[0].width == 28);
    CHECK(a.class_names.size() == 9u);
    for (size_t i = 0; i < 3; ++i)
        for (int h = 0; h < 2; ++h) {
            double s = 0;
            for (int j = 0; j < 49; ++j) s += a.map(i, h)[j];
            CHECK(s == Approx(1.0).epsilon(1e-5));
        }
    const auto mean = a.meanMap(1);
    CHECK(std::accumulate(mean.begin(), mean.end(), 0.0) == Approx(1.0).epsilon(1e-5));
    // Labels are the split's.
    const auto labels = api::splitLabels(dir, "test");
    for (size_t i = 0; i < idx.size(); ++i) CHECK(a.labels[i] == labels.labels[size_t(idx[i])]);

    api::ModelSource student{"", "student"}, random{"", "random-init"};
    const auto s = api::computeAttentionMaps(dir, "test", idx, 0, student);
    CHECK(s.block == 0);
    CHECK(s.model == "student");
    const auto r = api::computeAttentionMaps(dir, "test", idx, -1, random);
    CHECK(r.epoch == -1);
    CHECK(r.maps != a.maps);
    // An epoch snapshot is another model state than last.ckpt's.
    api::ModelSource first{(fs::path(dir) / "checkpoints" / "epoch_000.ckpt").string(), "teacher"};
    const auto e0 = api::computeAttentionMaps(dir, "test", idx, -1, first);
    CHECK(e0.epoch == 0);

    CHECK_THROWS_WITH(api::computeAttentionMaps(dir, "test", {100000}), Catch::Contains("image 100000 is not in the test split"));
    CHECK_THROWS_WITH(api::computeAttentionMaps(dir, "test", idx, 2), Catch::Contains("block 2 does not exist"));
    CHECK_THROWS_WITH(api::computeAttentionMaps(dir, "test", idx, -1, {"", "pupil"}), Catch::Contains("teacher, student or random-init"));
    std::atomic<bool> cancel{true};
    CHECK_THROWS_AS(api::computeAttentionMaps(dir, "test", idx, -1, {}, {}, &cancel), OperationCancelled);

    // Exports: .npy (N, heads, grid, grid) with the same numbers, and a PNG of the documented size.
    const auto npy = (fs::path(dir) / "att.npy").string();
    api::writeAttentionNpy(a, npy);
    const std::string bytes = readTextFile(npy);
    const auto h = parseNpyHeader(bytes, npy);
    CHECK(h.shape == std::vector<int64_t>{3, 2, 7, 7});
    CHECK(h.dtype.itemsize == 4);
    REQUIRE(bytes.size() == h.data_offset + a.maps.size() * 4);
    CHECK(std::memcmp(bytes.data() + h.data_offset, a.maps.data(), a.maps.size() * 4) == 0);
    // The shared colour scale's top: the largest value of any map of the figure.
    CHECK(api::attentionScaleMax(a) == *std::max_element(a.maps.begin(), a.maps.end()));
    CHECK(api::attentionScaleMax(a, &r) ==
          std::max(*std::max_element(a.maps.begin(), a.maps.end()), *std::max_element(r.maps.begin(), r.maps.end())));
    const auto png = (fs::path(dir) / "att.png").string();
    api::writeAttentionPng(a, png, {}, &r);
    api::AttentionFigureOptions per_map;
    per_map.shared_scale = false;
    api::writeAttentionPng(a, png, per_map);
    CHECK(fs::file_size(png) > 8u);
}

TEST_CASE("pickImages draws distinct images of a class, reproducibly", "[inspection][run]") {
    const std::string& dir = inspectRun();
    const auto labels = api::splitLabels(dir, "val");
    const auto a = api::pickImages(dir, "val", 3, 5, 42);
    const auto b = api::pickImages(dir, "val", 3, 5, 42);
    CHECK(a == b);
    REQUIRE(!a.empty());
    CHECK(std::is_sorted(a.begin(), a.end()));
    CHECK(std::adjacent_find(a.begin(), a.end()) == a.end());
    for (int64_t i : a) CHECK(labels.labels[size_t(i)] == 3);
    CHECK(api::pickImages(dir, "val", -1, 100000, 1).size() == labels.labels.size());
}

TEST_CASE("computeEmbeddingMap on a run: PCA, neighbours = the k-NN's, CSV and Projector files", "[inspection][run]") {
    const std::string& dir = inspectRun();
    const auto m = api::computeEmbeddingMap(dir, "val");
    CHECK(m.split == "val");
    CHECK(m.bank_split == "train");
    REQUIRE(m.n == 160);
    CHECK(m.dim == 32);
    CHECK(m.knn_k == 20);
    REQUIRE(m.x.size() == 160u);
    CHECK(m.explained[0] >= m.explained[1]);
    CHECK(m.explained[0] + m.explained[1] <= 1.0 + 1e-9);
    // The PCA of the stored features.
    const auto f = torch::from_blob(const_cast<float*>(m.features.data()), {160, 32}, torch::kFloat).clone();
    CHECK(torch::allclose(f.norm(2, 1), torch::ones({160}), 0, 1e-5));
    const Pca2d p = pca2d(f);
    for (int64_t i = 0; i < 160; ++i) CHECK(m.x[size_t(i)] == Approx(p.coords[i][0].item<double>()).margin(1e-9));
    // Each point's neighbours vote for the class the k-NN predicts: recompute the vote here.
    const auto labels = api::splitLabels(dir, "train");
    REQUIRE(m.bank_labels == labels.labels);
    for (int64_t i = 0; i < m.n; ++i) {
        std::vector<double> votes(m.class_names.size(), 0.0);
        const float top = m.neighbour_similarity[size_t(i) * 20];
        for (int k = 0; k < 20; ++k) {
            const size_t j = size_t(i) * 20 + size_t(k);
            if (k > 0) CHECK(m.neighbour_similarity[j] <= m.neighbour_similarity[j - 1]);
            votes[size_t(m.bank_labels[size_t(m.neighbour_index[j])])] += std::exp((m.neighbour_similarity[j] - top) / 0.07);
            CHECK(m.bankImage(m.neighbour_index[j]) != nullptr);
        }
        CHECK(int(std::max_element(votes.begin(), votes.end()) - votes.begin()) == m.knn_prediction[size_t(i)]);
    }

    const auto csv = (fs::path(dir) / "map.csv").string();
    api::writeMapCsv(m, csv);
    const auto rows = lines(csv);
    REQUIRE(rows.size() == 161u);
    CHECK(rows[0] == "index,split,label,x,y");
    CHECK(rows[1].rfind("0,val,", 0) == 0);
    for (size_t i = 1; i < rows.size(); ++i) CHECK(fieldsOf(rows[i], ',') == 5u);

    const auto pdir = (fs::path(dir) / "projector").string();
    const auto files = api::writeProjector(m, pdir);
    REQUIRE(files.size() == 4u);
    const auto tensors = lines(files[0]);
    REQUIRE(tensors.size() == 160u);
    for (const auto& l : tensors) CHECK(fieldsOf(l, '\t') == 32u);
    const auto meta = lines(files[1]);
    REQUIRE(meta.size() == 161u);
    CHECK(meta[0] == "index\tlabel\tclass\tsplit");
    for (const auto& l : meta) CHECK(fieldsOf(l, '\t') == 4u);
    const auto cfg = lines(files[3]);
    CHECK(std::find(cfg.begin(), cfg.end(), "    single_image_dim: 28") != cfg.end());
    // The sprite: 13 x 13 tiles of 28 px (ceil(sqrt(160)) = 13), read back from the PNG header.
    std::ifstream png(files[2], std::ios::binary);
    std::string head(24, '\0');
    png.read(head.data(), 24);
    auto be32 = [&](size_t o) {
        return (uint32_t(uint8_t(head[o])) << 24) | (uint32_t(uint8_t(head[o + 1])) << 16) |
               (uint32_t(uint8_t(head[o + 2])) << 8) | uint32_t(uint8_t(head[o + 3]));
    };
    CHECK(be32(16) == 13u * 28u);
    CHECK(be32(20) == 13u * 28u);

    // Random init needs no checkpoint and gives another map.
    const auto r = api::computeEmbeddingMap(dir, "val", {"", "random-init"});
    CHECK(r.epoch == -1);
    CHECK(r.x != m.x);
}

// ---------------------------------------------------------------- t-SNE

TEST_CASE("t-SNE affinities: each row's entropy is log(perplexity), P symmetric and summing to 1", "[inspection][tsne]") {
    torch::manual_seed(12);
    const auto x = torch::randn({120, 10}, torch::kDouble);
    const auto sq = (x.unsqueeze(1) - x.unsqueeze(0)).square().sum(-1);  // brute-force distances
    for (double perp : {5.0, 30.0}) {
        const auto Pc = tsneConditionalAffinities(sq, perp);
        CHECK(torch::allclose(Pc.sum(1), torch::ones({120}, torch::kDouble), 0, 1e-12));
        CHECK(Pc.diagonal().abs().max().item<double>() == 0.0);
        const auto H = -(Pc * Pc.clamp_min(1e-300).log()).sum(1);
        CHECK((H - std::log(perp)).abs().max().item<double>() < 1e-5);
    }
    const auto P = tsneJointAffinities(x, 30.0);
    CHECK(torch::allclose(P, P.t(), 0, 1e-15));
    CHECK(P.sum().item<double>() == Approx(1.0).epsilon(1e-12));
}

TEST_CASE("t-SNE gradient equals autograd of KL(P || Q) in float64", "[inspection][tsne]") {
    torch::manual_seed(13);
    const auto x = torch::randn({40, 6}, torch::kDouble);
    // The descent stores P in float32: the reference takes the same values.
    const auto P = tsneJointAffinities(x, 10.0).to(torch::kFloat).to(torch::kDouble);
    auto Y = torch::randn({40, 2}, torch::kDouble).requires_grad_(true);
    // KL written out independently: q_ij = (1 + d_ij)^-1 / sum_{k != l} (1 + d_kl)^-1.
    const auto d = (Y.unsqueeze(1) - Y.unsqueeze(0)).square().sum(-1);
    const auto off = 1 - torch::eye(40, torch::kDouble);
    const auto num = off / (1 + d);
    const auto Q = num / num.sum();
    const auto kl = (P * ((P + (1 - off)) / (Q + (1 - off))).log()).sum();  // diagonal terms are 0 * log 1
    // KL with its normaliser written as log Z, i.e. for sum P = 1 (float32 P sums to 1 only to 1e-8; the
    // t-SNE gradient formula assumes the exact sum).
    const auto objective = (P * ((P + (1 - off)) / (num + (1 - off))).log()).sum() + num.sum().log();
    objective.backward();
    torch::NoGradGuard ng;
    const auto ours = tsneGradient(P, Y.detach());
    INFO("max difference " << (ours - Y.grad()).abs().max().item<double>());
    CHECK((ours - Y.grad()).abs().max().item<double>() < 1e-12);
    CHECK(tsneKl(P, Y.detach()) == Approx(kl.item<double>()).epsilon(1e-10));
    CHECK(objective.item<double>() == Approx(kl.item<double>()).epsilon(1e-6));
}

TEST_CASE("t-SNE separates well-separated clusters, lowers the KL, and gives the same bits on any thread count", "[inspection][tsne]") {
    torch::manual_seed(14);
    const int per = 50, k = 3;
    std::vector<torch::Tensor> parts;
    std::vector<int64_t> label;
    for (int c = 0; c < k; ++c) {
        auto centre = torch::zeros({20}, torch::kDouble);
        centre[c] = 8.0;
        parts.push_back(centre + torch::randn({per, 20}, torch::kDouble));
        for (int i = 0; i < per; ++i) label.push_back(c);
    }
    const auto x = torch::cat(parts);
    const Pca2d pca = pca2d(x);
    TsneOptions o;
    o.iterations = 500;
    const TsneResult r = tsne(x, pca.coords, o);
    REQUIRE(r.coords.sizes() == torch::IntArrayRef({150, 2}));
    CHECK(r.perplexity == 30.0);
    // Each point's 5 nearest neighbours in the map share its cluster.
    const auto d = (r.coords.unsqueeze(1) - r.coords.unsqueeze(0)).square().sum(-1) +
                   torch::eye(150, torch::kDouble) * 1e30;
    const auto nn = std::get<1>(d.topk(5, 1, /*largest=*/false));
    int agree = 0;
    for (int i = 0; i < 150; ++i)
        for (int j = 0; j < 5; ++j) agree += label[size_t(nn[i][j].item<int64_t>())] == label[size_t(i)];
    CHECK(agree >= int(0.98 * 150 * 5));
    // The optimisation lowered the KL from the (rescaled) PCA start.
    const auto P = tsneJointAffinities(x, 30.0).clamp_min(1e-12);
    const auto start = (pca.coords - pca.coords.mean(0)) * (1e-4 / pca.coords.select(1, 0).std().item<double>());
    CHECK(r.kl < 0.5 * tsneKl(P, start));
    // The same formula on the same P up to rounding: 7.5e-10 apart (relative) on a Zen 5; 1e-9 held on the Zen 4.
    CHECK(r.kl == Approx(tsneKl(P, r.coords)).epsilon(1e-8));
    // The same bits again, and with another number of threads.
    const TsneResult again = tsne(x, pca.coords, o);
    CHECK(torch::equal(again.coords, r.coords));
    const int threads = at::get_num_threads();
    at::set_num_threads(threads == 1 ? 2 : 1);
    const TsneResult other_threads = tsne(x, pca.coords, o);
    at::set_num_threads(threads);
    CHECK(torch::equal(other_threads.coords, r.coords));
    // Limits and cancellation.
    CHECK_THROWS_WITH(tsne(x.narrow(0, 0, 3), pca.coords.narrow(0, 0, 3)), Catch::Contains("at least 4 points"));
    std::atomic<bool> cancel{true};
    CHECK_THROWS_AS(tsne(x, pca.coords, o, {}, &cancel), OperationCancelled);
    // A small N clamps the perplexity to (N - 1) / 3.
    CHECK(tsne(x.narrow(0, 0, 31), pca.coords.narrow(0, 0, 31), o).perplexity == Approx(10.0));
}

TEST_CASE("computeEmbeddingMap with t-SNE: the method, perplexity and KL are reported, neighbours unchanged",
          "[inspection][tsne][run]") {
    const std::string& dir = inspectRun();
    const auto pca = api::computeEmbeddingMap(dir, "test");
    api::MapOptions o;
    o.method = "tsne";
    o.iterations = 300;
    std::vector<int64_t> seen;
    const auto m = api::computeEmbeddingMap(dir, "test", {}, [&](int64_t d, int64_t t) { seen.push_back(d * 1000 / t); },
                                            nullptr, o);
    CHECK(m.method == "tsne");
    CHECK(m.perplexity == Approx(74.0 / 3.0));  // 75 test images
    CHECK(m.tsne_kl > 0);
    CHECK(m.x != pca.x);
    CHECK(m.neighbour_index == pca.neighbour_index);  // the k-NN does not depend on the layout
    REQUIRE(!seen.empty());
    CHECK(seen.back() == 1000);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    o.method = "umap";
    CHECK_THROWS_WITH(api::computeEmbeddingMap(dir, "test", {}, {}, nullptr, o), Catch::Contains("pca or tsne"));
}
