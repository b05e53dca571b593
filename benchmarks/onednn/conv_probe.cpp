// What would close the one-image gap (#28): the bundled network's forward pass written directly against oneDNN,
// the library libnd4j's convolutions already run on, with what libnd4j does not do: every primitive is created,
// and the weights reordered into the layout it wants, once, then reused on every call (libnd4j's conv2d builds a
// primitive descriptor and reorders the weights on every call: platform/mkldnn/conv2d.cpp). Two ways:
//   cached   - each convolution's input and output still in plain NCHW (reordered to and from oneDNN's layout
//              around each convolution), ReLU and max pooling as separate passes, as DL4J's layers run them;
//   blocked  - the activations stay in oneDNN's blocked layout from the first convolution to the global pool,
//              ReLU fused into each convolution (what ONNX Runtime's and PyTorch's frozen graphs do in spirit).
// Weights are random: timing only, on covid-equalized's shapes (batch norm folded, as LungLens runs it):
// stem 4x4/4 1->32, then [3x3 32->64, 3x3 64->64], pool, [64->128, 128->128], pool, [128->128, 128->128],
// global average pool, dense 128->2.
//
// Build and run (Debian: apt-get install libdnnl-dev; benchmarks/run.sh does this in its step "onednn"):
//   g++ -O2 -std=c++17 benchmarks/onednn/conv_probe.cpp -ldnnl -o /tmp/conv_probe
//   OMP_NUM_THREADS=1 /tmp/conv_probe 1 2000   # batch 1, 2,000 timed passes of each way: one JSON line
//   OMP_NUM_THREADS=2 /tmp/conv_probe 64 50
#include <oneapi/dnnl/dnnl.hpp>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using namespace dnnl;
using tag = memory::format_tag;
using dt = memory::data_type;

struct ConvSpec { int in, out, k, stride, pad; bool poolAfter; };

static const std::vector<ConvSpec> kLayers = {
    {1, 32, 4, 4, 0, false},
    {32, 64, 3, 1, 1, false}, {64, 64, 3, 1, 1, true},
    {64, 128, 3, 1, 1, false}, {128, 128, 3, 1, 1, true},
    {128, 128, 3, 1, 1, false}, {128, 128, 3, 1, 1, false},
};

static void fillRandom(memory &m, std::mt19937 &rng) {
    std::normal_distribution<float> n(0.f, 0.05f);
    auto *p = static_cast<float *>(m.get_data_handle());
    size_t count = m.get_desc().get_size() / sizeof(float);
    for (size_t i = 0; i < count; ++i) p[i] = n(rng);
}

enum class Mode { Cached, Blocked };

// One pass of the network in one of the two ways above.
class Net {
  public:
    Net(engine &eng, int batch, Mode mode) : eng_(eng), batch_(batch), mode_(mode) {
        std::mt19937 rng(7);
        int side = 128;
        for (const auto &l : kLayers) {
            int outSide = (side + 2 * l.pad - l.k) / l.stride + 1;
            Layer p;
            p.src = {{batch, l.in, side, side}, dt::f32, tag::nchw};
            p.wei = {{l.out, l.in, l.k, l.k}, dt::f32, tag::oihw};
            p.bias = {{l.out}, dt::f32, tag::x};
            p.dst = {{batch, l.out, outSide, outSide}, dt::f32, tag::nchw};
            p.weights = memory(p.wei, eng_);
            p.biases = memory(p.bias, eng_);
            fillRandom(p.weights, rng);
            fillRandom(p.biases, rng);
            p.spec = l;
            side = l.poolAfter ? outSide / 2 : outSide;
            layers_.push_back(p);
        }
        input_ = memory(layers_[0].src, eng_);
        fillRandom(input_, rng);
        build();
    }

    void run() {
        for (auto &s : steps_) s.prim.execute(stream_, s.args);
        stream_.wait();
        // dense 128 -> 2 and softmax: 256 multiply-adds, done in plain C++
        const float *f = static_cast<const float *>(gapOut_.get_data_handle());
        volatile float sink = 0;
        for (int n = 0; n < batch_; ++n) {
            float a = 0, b = 0;
            for (int c = 0; c < 128; ++c) { a += f[n * 128 + c] * 0.01f; b -= f[n * 128 + c] * 0.01f; }
            sink = sink + 1.f / (1.f + std::exp(b - a));
        }
    }

  private:
    struct Layer {
        memory::desc src, wei, bias, dst;
        memory weights, biases;
        ConvSpec spec;
    };
    struct Step {
        primitive prim;
        std::unordered_map<int, memory> args;
    };

    void addReorder(memory &from, memory &to) {
        steps_.push_back({reorder(from, to), {{DNNL_ARG_FROM, from}, {DNNL_ARG_TO, to}}});
    }

    void build() {
        steps_.clear();
        bool blocked = mode_ == Mode::Blocked;
        memory cur = input_;
        for (auto &p : layers_) {
            memory::desc anySrc(p.src.dims(), dt::f32, tag::any);
            memory::desc anyWei(p.wei.dims(), dt::f32, tag::any);
            memory::desc anyDst(p.dst.dims(), dt::f32, tag::any);
            primitive_attr attr;
            if (blocked) {
                post_ops ops;
                ops.append_eltwise(1.f, algorithm::eltwise_relu, 0.f, 0.f);
                attr.set_post_ops(ops);
            }
            auto pd = convolution_forward::primitive_desc(
                {prop_kind::forward_inference, algorithm::convolution_auto, anySrc, anyWei, p.bias, anyDst,
                 {p.spec.stride, p.spec.stride}, {p.spec.pad, p.spec.pad}, {p.spec.pad, p.spec.pad}},
                attr, eng_);
            if (pd.src_desc() != cur.get_desc()) {
                memory to(pd.src_desc(), eng_);
                addReorder(cur, to);
                cur = to;
            }
            memory w = p.weights;
            if (pd.weights_desc() != p.weights.get_desc()) {
                w = memory(pd.weights_desc(), eng_);
                reorder(p.weights, w).execute(stream_, p.weights, w);  // once, like a runtime's weight packing
                stream_.wait();
            }
            memory out(pd.dst_desc(), eng_);
            steps_.push_back({convolution_forward(pd),
                              {{DNNL_ARG_SRC, cur}, {DNNL_ARG_WEIGHTS, w}, {DNNL_ARG_BIAS, p.biases},
                               {DNNL_ARG_DST, out}}});
            cur = out;
            if (!blocked) {  // back to NCHW, then ReLU as its own pass
                if (pd.dst_desc() != p.dst) {
                    memory plain(p.dst, eng_);
                    addReorder(cur, plain);
                    cur = plain;
                }
                auto rpd = eltwise_forward::primitive_desc(
                    {prop_kind::forward_inference, algorithm::eltwise_relu, p.dst, 0.f, 0.f}, eng_);
                memory relu(p.dst, eng_);
                steps_.push_back({eltwise_forward(rpd), {{DNNL_ARG_SRC, cur}, {DNNL_ARG_DST, relu}}});
                cur = relu;
            }
            if (p.spec.poolAfter) {
                auto dims = cur.get_desc().dims();
                memory::dims half = {dims[0], dims[1], dims[2] / 2, dims[3] / 2};
                memory::desc pooled(half, dt::f32, blocked ? tag::any : tag::nchw);
                auto ppd = pooling_forward::primitive_desc(
                    {prop_kind::forward_inference, algorithm::pooling_max, cur.get_desc(), pooled, {2, 2}, {2, 2},
                     {0, 0}, {0, 0}},
                    eng_);
                memory pout(ppd.dst_desc(), eng_);
                steps_.push_back({pooling_forward(ppd), {{DNNL_ARG_SRC, cur}, {DNNL_ARG_DST, pout}}});
                cur = pout;
            }
        }
        // global average pooling to [N, 128, 1, 1], plain layout for the dense layer
        auto dims = cur.get_desc().dims();
        memory::desc gap(memory::dims{dims[0], dims[1], 1, 1}, dt::f32, tag::nchw);
        auto gpd = pooling_forward::primitive_desc(
            {prop_kind::forward_inference, algorithm::pooling_avg_exclude_padding, cur.get_desc(), gap,
             {1, 1}, {dims[2], dims[3]}, {0, 0}, {0, 0}},
            eng_);
        gapOut_ = memory(gpd.dst_desc(), eng_);
        steps_.push_back({pooling_forward(gpd), {{DNNL_ARG_SRC, cur}, {DNNL_ARG_DST, gapOut_}}});
    }

    engine &eng_;
    stream stream_{eng_};
    int batch_;
    Mode mode_;
    std::vector<Layer> layers_;
    std::vector<Step> steps_;
    memory input_, gapOut_;
};

static double timeIt(int passes, Net &net) {
    for (int i = 0; i < std::max(20, passes / 10); ++i) net.run();  // warm-up
    std::vector<double> t;
    for (int i = 0; i < passes; ++i) {
        auto a = std::chrono::steady_clock::now();
        net.run();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

int main(int argc, char **argv) {
    int batch = argc > 1 ? std::atoi(argv[1]) : 1;
    int passes = argc > 2 ? std::atoi(argv[2]) : 1000;
    engine eng(engine::kind::cpu, 0);
    const char *threads = std::getenv("OMP_NUM_THREADS");
    const dnnl_version_t *v = dnnl_version();
    // The two ways alternate, three rounds, so that a change in the machine's speed touches all of them
    std::vector<std::pair<const char *, Mode>> modes = {{"cached", Mode::Cached}, {"blocked", Mode::Blocked}};
    std::vector<std::vector<double>> ms(modes.size());
    for (int round = 0; round < 3; ++round) {
        for (size_t m = 0; m < modes.size(); ++m) {
            Net net(eng, batch, modes[m].second);
            ms[m].push_back(timeIt(passes, net));
        }
    }
    std::printf("{\"onednn\": \"%d.%d.%d\", \"batch\": %d, \"threads\": \"%s\", \"passes\": %d", v->major, v->minor,
                v->patch, batch, threads ? threads : "", passes);
    for (size_t m = 0; m < modes.size(); ++m) {
        std::sort(ms[m].begin(), ms[m].end());
        std::printf(", \"%s_ms\": %.4f", modes[m].first, ms[m][1]);  // the median of the three rounds' medians
    }
    std::printf("}\n");
    return 0;
}
