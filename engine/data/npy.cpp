#include "data/npy.h"

#include <cstring>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace dino {

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw std::runtime_error(where + ": " + what);
}

// A tiny reader for the Python literal numpy writes as the header.
class DictParser {
public:
    DictParser(const std::string& text, const std::string& where) : s_(text), where_(where) {}

    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }
    bool peek(char c) {
        ws();
        return i_ < s_.size() && s_[i_] == c;
    }
    void expect(char c, const char* what) {
        ws();
        if (i_ >= s_.size() || s_[i_] != c)
            fail(where_, std::string("npy header is not a valid dict: expected ") + what + " at offset " +
                             std::to_string(i_) + " of '" + excerpt() + "'");
        ++i_;
    }
    std::string string() {
        ws();
        if (i_ >= s_.size() || (s_[i_] != '\'' && s_[i_] != '"'))
            fail(where_, "npy header: expected a quoted string at offset " + std::to_string(i_) + " of '" +
                             excerpt() + "'");
        char q = s_[i_++];
        std::string out;
        while (i_ < s_.size() && s_[i_] != q) {
            if (s_[i_] == '\\') fail(where_, "npy header: escapes in strings are not supported");
            out += s_[i_++];
        }
        if (i_ >= s_.size()) fail(where_, "npy header: unterminated string");
        ++i_;
        return out;
    }
    bool boolean() {
        ws();
        if (s_.compare(i_, 4, "True") == 0) {
            i_ += 4;
            return true;
        }
        if (s_.compare(i_, 5, "False") == 0) {
            i_ += 5;
            return false;
        }
        fail(where_, "npy header: expected True or False for 'fortran_order' in '" + excerpt() + "'");
    }
    std::vector<int64_t> tuple() {
        expect('(', "'(' opening the shape tuple");
        std::vector<int64_t> dims;
        while (true) {
            ws();
            if (peek(')')) {
                ++i_;
                break;
            }
            if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9')
                fail(where_, "npy header: expected a non-negative integer in the shape tuple in '" + excerpt() + "'");
            int64_t v = 0;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
                if (v > (std::numeric_limits<int64_t>::max() - 9) / 10) fail(where_, "npy header: shape dimension too large");
                v = v * 10 + (s_[i_++] - '0');
            }
            if (i_ < s_.size() && s_[i_] == 'L') ++i_;  // Python 2 longs
            dims.push_back(v);
            if (dims.size() > 32) fail(where_, "npy header: more than 32 dimensions");
            ws();
            if (peek(',')) {
                ++i_;
                continue;
            }
            expect(')', "',' or ')' in the shape tuple");
            break;
        }
        return dims;
    }
    bool atEnd() {
        ws();
        return i_ >= s_.size();
    }
    std::string excerpt() const { return s_.size() > 120 ? s_.substr(0, 120) + "..." : s_; }

private:
    const std::string& s_;
    const std::string& where_;
    size_t i_ = 0;
};

uint32_t readLe(const std::string& b, size_t at, int bytes) {
    uint32_t v = 0;
    for (int k = bytes - 1; k >= 0; --k) v = (v << 8) | static_cast<uint8_t>(b[at + k]);
    return v;
}

}  // namespace

int64_t NpyHeader::numel() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;  // overflow is excluded by parseNpyHeader
    return n;
}

std::string NpyHeader::shapeString() const {
    std::ostringstream os;
    os << "(";
    for (size_t k = 0; k < shape.size(); ++k) os << (k ? ", " : "") << shape[k];
    if (shape.size() == 1) os << ",";
    os << ")";
    return os.str();
}

NpyDtype parseNpyDescr(const std::string& descr, const std::string& where) {
    NpyDtype t;
    t.descr = descr;
    if (descr.size() < 3)
        fail(where, "unsupported npy dtype '" + descr + "': expected a simple type such as '|u1' or '<i8'");
    char order = descr[0];
    if (order != '<' && order != '>' && order != '|' && order != '=')
        fail(where, "unsupported npy dtype '" + descr + "': expected a byte-order character (<, >, | or =)");
    t.kind = descr[1];
    std::string digits = descr.substr(2);
    if (digits.empty() || digits.size() > 2 || digits.find_first_not_of("0123456789") != std::string::npos)
        fail(where, "unsupported npy dtype '" + descr + "'");
    t.itemsize = std::stoi(digits);
    if (t.itemsize <= 0) fail(where, "unsupported npy dtype '" + descr + "': zero item size");
    t.little_endian = order != '>';
    if (std::string("uibfc").find(t.kind) == std::string::npos)
        fail(where, "unsupported npy dtype '" + descr + "': expected an integer, bool or float type");
    return t;
}

size_t npyHeaderSize(const std::string& prefix, const std::string& where) {
    if (prefix.size() < 10) return 0;
    if (prefix.compare(0, 6, "\x93NUMPY") != 0) fail(where, "not an .npy array (missing the \\x93NUMPY magic)");
    int major = static_cast<uint8_t>(prefix[6]);
    if (major == 1) return 10 + readLe(prefix, 8, 2);
    if (major == 2 || major == 3) {
        if (prefix.size() < 12) return 0;
        uint32_t len = readLe(prefix, 8, 4);
        if (len > kMaxNpyHeaderBytes)
            fail(where, "npy header length " + std::to_string(len) + " is larger than the " +
                            std::to_string(kMaxNpyHeaderBytes) + " bytes accepted");
        return 12 + static_cast<size_t>(len);
    }
    fail(where, "unsupported .npy format version " + std::to_string(major) + " (expected 1, 2 or 3)");
}

NpyHeader parseNpyHeader(const std::string& bytes, const std::string& where) {
    size_t total = npyHeaderSize(bytes, where);
    if (total == 0 || bytes.size() < total)
        fail(where, "truncated .npy header (" + std::to_string(bytes.size()) + " bytes, expected at least " +
                        std::to_string(total ? total : 10) + ")");
    NpyHeader h;
    h.major = static_cast<uint8_t>(bytes[6]);
    h.minor = static_cast<uint8_t>(bytes[7]);
    size_t start = h.major == 1 ? 10 : 12;
    std::string text = bytes.substr(start, total - start);
    if (h.major < 3) {
        for (char c : text)
            if (static_cast<unsigned char>(c) > 127)
                fail(where, "npy header of version " + std::to_string(h.major) + " must be ASCII");
    }
    h.data_offset = total;

    DictParser p(text, where);
    bool have_descr = false, have_order = false, have_shape = false;
    p.expect('{', "'{'");
    while (!p.peek('}')) {
        std::string key = p.string();
        p.expect(':', "':' after a key");
        if (key == "descr") {
            if (!p.peek('\'') && !p.peek('"'))
                fail(where, "structured npy dtypes are not supported (expected a simple descr string such as '|u1')");
            h.dtype = parseNpyDescr(p.string(), where);
            have_descr = true;
        } else if (key == "fortran_order") {
            h.fortran_order = p.boolean();
            have_order = true;
        } else if (key == "shape") {
            h.shape = p.tuple();
            have_shape = true;
        } else {
            fail(where, "npy header has an unexpected key '" + key + "' (expected descr, fortran_order, shape)");
        }
        if (p.peek(',')) {
            p.expect(',', "','");
            continue;
        }
        if (!p.peek('}')) p.expect('}', "',' or '}'");
    }
    p.expect('}', "'}'");
    if (!p.atEnd()) fail(where, "npy header has text after the closing '}'");
    if (!have_descr || !have_order || !have_shape)
        fail(where, std::string("npy header lacks the key '") +
                        (!have_descr ? "descr" : !have_order ? "fortran_order" : "shape") + "'");
    if (h.fortran_order)
        fail(where, "Fortran-ordered arrays are not supported (expected fortran_order False, as numpy.save writes)");
    // The element count and byte size must fit comfortably in 63 bits.
    const uint64_t limit = uint64_t(1) << 62;
    uint64_t n = 1;
    for (int64_t d : h.shape) {
        if (d != 0 && n > limit / static_cast<uint64_t>(d)) fail(where, "npy shape " + h.shapeString() + " is too large");
        n *= static_cast<uint64_t>(d);
    }
    if (n > limit / static_cast<uint64_t>(h.dtype.itemsize)) fail(where, "npy shape " + h.shapeString() + " is too large");
    return h;
}

void npyIntegersToInt64(const NpyDtype& dtype, const uint8_t* src, int64_t count, int64_t* dst) {
    if (!dtype.isInteger() && dtype.kind != 'b')
        throw std::runtime_error("npy dtype '" + dtype.descr + "' is not an integer type");
    const int w = dtype.itemsize;
    if (w != 1 && w != 2 && w != 4 && w != 8)
        throw std::runtime_error("npy integer dtype '" + dtype.descr + "' has an unsupported width");
    for (int64_t k = 0; k < count; ++k) {
        const uint8_t* p = src + k * w;
        uint64_t u = 0;
        for (int b = 0; b < w; ++b) {
            int idx = dtype.little_endian ? (w - 1 - b) : b;
            u = (u << 8) | p[idx];
        }
        int64_t v;
        if (dtype.kind == 'i' && w < 8 && (u >> (8 * w - 1)) & 1u) {
            v = static_cast<int64_t>(u | (~uint64_t(0) << (8 * w)));  // sign-extend
        } else {
            v = static_cast<int64_t>(u);  // u8 values above 2^63 become negative and fail the range check
        }
        dst[k] = v;
    }
}

}  // namespace dino
