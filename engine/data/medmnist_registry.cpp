// Values from MedMNIST v3's INFO dictionary (medmnist/info.py, files on zenodo record 10519652).
// The 28 px files of v3 are the v2 files except OrganCMNIST and OrganSMNIST, whose v3 MD5s and
// split sizes differ from v2 (OrganAMNIST's 28 px MD5 too); the values here are v3's. They were read
// from a copy of v3's info.py and have not been checked against the downloaded files here (no
// internet on the build machine) except PathMNIST's, which the project brief also states.
#include "data/medmnist_registry.h"

#include <algorithm>
#include <cctype>

namespace dino {

namespace {

const char* kBase = "https://zenodo.org/records/10519652/files/";

MedmnistDataset make(std::string flag, std::string task, int channels, std::vector<std::string> classes,
                     int64_t tr, int64_t va, int64_t te, std::string md5_28, std::string md5_64,
                     std::string md5_128, std::string md5_224, std::string license = "CC BY 4.0") {
    MedmnistDataset d;
    d.flag = std::move(flag);
    d.task = std::move(task);
    d.channels = channels;
    d.class_names = std::move(classes);
    d.n_train = tr;
    d.n_val = va;
    d.n_test = te;
    d.url28 = std::string(kBase) + d.flag + ".npz?download=1";
    d.md5_28 = std::move(md5_28);
    d.md5_64 = std::move(md5_64);
    d.md5_128 = std::move(md5_128);
    d.md5_224 = std::move(md5_224);
    d.license = std::move(license);
    return d;
}

std::vector<MedmnistDataset> build() {
    const std::vector<std::string> organs = {"bladder",   "femur-left", "femur-right", "heart",
                                             "kidney-left", "kidney-right", "liver",   "lung-left",
                                             "lung-right",  "pancreas",   "spleen"};
    std::vector<MedmnistDataset> v;
    auto path = make("pathmnist", "multi-class", 3,
                     {"adipose", "background", "debris", "lymphocytes", "mucus", "smooth muscle",
                      "normal colon mucosa", "cancer-associated stroma", "colorectal adenocarcinoma epithelium"},
                     89996, 10004, 7180, "a8b06965200029087d5bd730944a56c1", "55aa9c1e0525abe5a6b9d8343a507616",
                     "ac42d08fb904d92c244187169d1fd1d9", "2c51a510bcdc9cf8ddb2af93af1eadec");
    // The seed notebook's constants, "precomputed from the PathMNIST train set".
    path.mean = {0.7405, 0.5330, 0.7058};
    path.std = {0.1237, 0.1768, 0.1244};
    v.push_back(path);
    v.push_back(make("chestmnist", "multi-label, binary-class", 1,
                     {"atelectasis", "cardiomegaly", "effusion", "infiltration", "mass", "nodule", "pneumonia",
                      "pneumothorax", "consolidation", "edema", "emphysema", "fibrosis", "pleural", "hernia"},
                     78468, 11219, 22433, "02c8a6516a18b556561a56cbdd36c4a8", "9de6cd0b934ebb5b7426cfba5efbae16",
                     "db107e5590b27930b62dbaf558aebee3", "45bd33e6f06c3e8cdb481c74a89152aa"));
    v.push_back(make("dermamnist", "multi-class", 3,
                     {"actinic keratoses and intraepithelial carcinoma", "basal cell carcinoma",
                      "benign keratosis-like lesions", "dermatofibroma", "melanoma", "melanocytic nevi",
                      "vascular lesions"},
                     7007, 1003, 2005, "0744692d530f8e62ec473284d019b0c7", "b70a2f5635c6199aeaa28c31d7202e1f",
                     "2defd784463fa5243564e855ed717de1", "8974907d8e169bef5f5b96bc506ae45d", "CC BY-NC 4.0"));
    v.push_back(make("octmnist", "multi-class", 1,
                     {"choroidal neovascularization", "diabetic macular edema", "drusen", "normal"}, 97477, 10832,
                     1000, "c68d92d5b585d8d81f7112f81e2d0842", "e229e9440236b774d9f0dfef9d07bdaf",
                     "0a97e76651ace45c5d943ee3f65b63ae", "abc493b6d529d5de7569faaef2773ba3"));
    v.push_back(make("pneumoniamnist", "binary-class", 1, {"normal", "pneumonia"}, 4708, 524, 624,
                     "28209eda62fecd6e6a2d98b1501bb15f", "8f4eceb4ccffa70c672198ea285246c6",
                     "05b46931834c231683c68f40c47b2971", "d6a3c71de1b945ea11211b03746c1fe1"));
    v.push_back(make("retinamnist", "ordinal-regression", 3, {"0", "1", "2", "3", "4"}, 1080, 120, 400,
                     "bd4c0672f1bba3e3a89f0e4e876791e4", "afda852cc34dcda56f86ad2b2457dbcc",
                     "e48e916a24454daf90583d4e6efb1a18", "eae7e3b6f3fcbda4ae613ebdcbe35348"));
    v.push_back(make("breastmnist", "binary-class", 1, {"malignant", "normal, benign"}, 546, 78, 156,
                     "750601b1f35ba3300ea97c75c52ff8f6", "742edef2a1fd1524b2efff4bd7ba9364",
                     "363e4b3f8d712e9b5de15470a2aaadf1", "b56378a6eefa9fed602bb16d192d4c8b"));
    v.push_back(make("bloodmnist", "multi-class", 3,
                     {"basophil", "eosinophil", "erythroblast",
                      "immature granulocytes(myelocytes, metamyelocytes and promyelocytes)", "lymphocyte",
                      "monocyte", "neutrophil", "platelet"},
                     11959, 1712, 3421, "7053d0359d879ad8a5505303e11de1dc", "2b94928a2ae4916078ca51e05b6b800b",
                     "adace1e0ed228fccda1f39692059dd4c", "b718ff6835fcbdb22ba9eacccd7b2601"));
    v.push_back(make("tissuemnist", "multi-class", 1,
                     {"Collecting Duct, Connecting Tubule", "Distal Convoluted Tubule",
                      "Glomerular endothelial cells", "Interstitial endothelial cells", "Leukocytes", "Podocytes",
                      "Proximal Tubule Segments", "Thick Ascending Limb"},
                     165466, 23640, 47280, "ebe78ee8b05294063de985d821c1c34b", "123ece2eba09d0aa5d698fda57103344",
                     "61b955355d7425a89687b06cca3ce0c2", "b077128c4a949f0a4eb01517f9037b9c"));
    v.push_back(make("organamnist", "multi-class", 1, organs, 34561, 6491, 17778,
                     "68e3f8846a6bd62f0c9bf841c0d9eacc", "2dcccc29b88e6da5a01161ef20cda288",
                     "eeae80d0a227a8d099027e1b3cfd3b60", "50747347e05c87dd3aaf92c49f9f3170"));
    v.push_back(make("organcmnist", "multi-class", 1, organs, 12975, 2392, 8216,
                     "b9ceb9546e10131b32923c5bbeaea2b1", "3ce34a8724ea6f548e6db4744d03b6a9",
                     "773c1f009daa3fe5d9a2a201b2a7ed94", "050f5e875dc056f6768abf94ec9995d1"));
    v.push_back(make("organsmnist", "multi-class", 1, organs, 13932, 2452, 8827,
                     "9ab87b696fb54e2a387ebe992d6ed5f1", "53a6d115339d874c25e309a994ff46d3",
                     "ded0c5fa01a95dc4978b956f613e9b8e", "b354719e553fbbb2513d5533f52a4cb1"));
    return v;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

bool isMedmnistSize(int size) { return size == 28 || size == 64 || size == 128 || size == 224; }

std::string MedmnistDataset::fileName(int size) const {
    return size == 28 ? flag + ".npz" : flag + "_" + std::to_string(size) + ".npz";
}

std::string MedmnistDataset::url(int size) const {
    if (!isMedmnistSize(size)) return "";
    return std::string(kBase) + fileName(size) + "?download=1";
}

std::string MedmnistDataset::md5(int size) const {
    switch (size) {
        case 28: return md5_28;
        case 64: return md5_64;
        case 128: return md5_128;
        case 224: return md5_224;
        default: return "";
    }
}

int64_t MedmnistDataset::splitSize(const std::string& split) const {
    if (split == "train") return n_train;
    if (split == "val") return n_val;
    if (split == "test") return n_test;
    return 0;
}

const std::vector<MedmnistDataset>& medmnistDatasets() {
    static const std::vector<MedmnistDataset> all = build();
    return all;
}

const MedmnistDataset* findMedmnist(const std::string& flag) {
    std::string f = lower(flag);
    for (const auto& d : medmnistDatasets())
        if (d.flag == f) return &d;
    return nullptr;
}

const MedmnistDataset* medmnistForFile(const std::string& path) {
    std::string name = path;
    auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos) name = name.substr(slash + 1);
    name = lower(name);
    const MedmnistDataset* best = nullptr;
    for (const auto& d : medmnistDatasets()) {
        if (name.compare(0, d.flag.size(), d.flag) != 0) continue;
        char next = name.size() > d.flag.size() ? name[d.flag.size()] : '\0';
        if (next != '\0' && next != '_' && next != '-' && next != '.') continue;
        if (!best || d.flag.size() > best->flag.size()) best = &d;
    }
    return best;
}

}  // namespace dino
