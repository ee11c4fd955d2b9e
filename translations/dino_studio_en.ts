<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>Unknown image format &quot;%1&quot; (use png, jpg, pdf or svg).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: MedMNIST v2 — Yang, J. et al. &quot;MedMNIST v2: A large-scale lightweight benchmark for 2D and 3D biomedical image classification&quot;, Scientific Data 10, 41 (2023), CC BY 4.0. PathMNIST derives from NCT-CRC-HE-100K and CRC-VAL-HE-7K: Kather, J. N. et al. &quot;Predicting survival from colorectal cancer histology slides using deep learning&quot;, PLOS Medicine 16(1), e1002730 (2019).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::FieldHelp</name>
    <message>
        <source>Training data: &apos;sample&apos; (bundled PathMNIST sample), a MedMNIST flag such as &apos;pathmnist&apos; (downloaded), or a path to a MedMNIST .npz file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which split of the file to train on (train, val or test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where downloaded MedMNIST files are kept (empty: ~/.medmnist).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on only the first N images (0 = all) to make a run quicker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MedMNIST image size in pixels (28 is the seed&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of global views per image (&gt;= 2); the teacher sees only these.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of local views per image (&gt;= 1); only the student sees them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side of the local views in pixels (0 = image size, as in the seed; smaller is cheaper).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of colour jitter on each view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour jitter: brightness factor drawn from [1-b, 1+b].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour jitter: contrast factor drawn from [1-c, 1+c].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour jitter: saturation factor drawn from [1-s, 1+s].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour jitter: hue shift drawn from [-h, h] (fraction of the colour wheel).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of a horizontal flip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of a vertical flip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian blur kernel size in pixels (odd).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest Gaussian blur sigma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest Gaussian blur sigma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of blur on Global 1 views (seed: always).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of blur on Global 2 views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of blur on local views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of solarisation on Global 2 views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solarisation inverts pixels above this value (0..1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local crops cover at least this fraction of the image area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local crops cover at most this fraction of the image area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest aspect ratio of a local crop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest aspect ratio of a local crop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-channel normalisation mean (empty: PathMNIST&apos;s, or computed from the train split).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-channel normalisation std (empty: PathMNIST&apos;s, or computed from the train split).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViT patch size in pixels (4 gives 7x7 patches on 28x28 images).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViT token width (192 = ViT-tiny).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of transformer blocks (12 = ViT-tiny).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention heads per block (3 = ViT-tiny).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of each block&apos;s MLP relative to embed_dim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of DINO pseudo-labels (output width of the head).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers in the DINO head&apos;s MLP before the bottleneck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden width of the DINO head (0 = 2 x embed_dim).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottleneck width before the weight-normalised last layer (0 = embed_dim / 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional safetensors file with timm-named encoder weights to start from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per step (each image contributes all its views).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the training set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap on steps per epoch (0 = whole epoch), to scale a run down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak learning rate, reached after the warmup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate at the end of the cosine decay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of all steps spent warming the learning rate up from 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay at the start (cosine schedule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature at the start of its warmup (lower = sharper).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature after the warmup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of all steps over which the teacher temperature warms up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher EMA momentum at the start (cosine schedule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher EMA momentum at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student softmax temperature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA momentum of the teacher centre (centering prevents collapse).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip each parameter&apos;s gradient norm to this (0 = off; official DINO uses 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the head&apos;s last layer fixed for this many epochs (official DINO: 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not apply weight decay to biases and LayerNorm weights (official DINO).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbours in the weighted k-NN classifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature of the weighted k-NN votes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run k-NN evaluation every N epochs during training (0 = only at the end).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run k-NN evaluation when training finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split whose features form the k-NN memory bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split that is classified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per batch when computing features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads for the math (0 = all cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (CUDA if present), cpu or cuda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed: same seed, same run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads that prepare augmented batches (0 = on the training thread).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches prepared ahead of the training step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global views are random crops covering at least this fraction of the image (1 = whole image, the seed; official DINO: 0.4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global views cover at most this fraction of the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the head&apos;s last layer fixed for this many steps (adds to the epochs option).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher targets: ema (the seed&apos;s running centre) or sinkhorn (DINOv2&apos;s Sinkhorn-Knopp balancing, which keeps the teacher from collapsing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinkhorn-Knopp iterations per step (DINOv2: 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the KoLeo regulariser that spreads the student&apos;s class tokens (0 = off; DINOv2: 0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN accuracy every N steps on a fixed subset, written to knn.csv (0 = off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split classified by the live k-NN (the memory bank is the k-NN training split).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many images of each split in the live k-NN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch snapshots kept besides last.ckpt: the newest N (-1 = all, 0 = none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also keep the snapshot of every K-th epoch (0 = none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch snapshots: weights (student, teacher, centre; half the size) or full (also optimizer and RNG state). last.ckpt is always full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (bf16 where the CPU or GPU computes it natively: AMX-BF16, AVX512-BF16, CUDA; fp32 elsewhere), fp32, or bf16 mixed precision (autocast).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training processes on this machine, each taking a share of every batch (data parallel over torch&apos;s c10d; 1 = one process). The CPU threads are shared between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communication between the processes: auto (NCCL on CUDA where built, else Gloo), gloo or nccl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds a process waits for the others before the run stops naming the one that did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also train linear classifiers on the frozen features (teacher and random init) in every evaluation: trained on the memory bank split, chosen on the probe&apos;s val split, reported on the test split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class tokens of this many last blocks, concatenated, as the probe&apos;s features (official DINO: 4 for ViT-S); at most the model&apos;s depth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the train split&apos;s features; one pass trains every head of the grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features per SGD step of the probe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rates of the probe&apos;s grid (SGD, momentum 0.9, cosine to 0); every one is tried with every weight decay. L2-normalised features need much larger rates than raw ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decays (L2 on the weights) of the probe&apos;s grid; 0 = none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split on which the best head of the probe&apos;s grid is chosen (its accuracy is reported too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of a rotation by 90, 180 or 270 degrees (equally likely); 0.75 makes all four orientations equally likely, for images that have no up, such as tissue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability of H&amp;E stain jitter on each view: the colours separated into haematoxylin, eosin and DAB, each scaled and shifted, then recombined (Tellez et al. 2019). Skipped on grey images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stain jitter: each stain&apos;s amount multiplied by a factor from [1-s, 1+s] (light 0.05, strong 0.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stain jitter: a shift from [-b, b] added to each stain&apos;s amount, in scikit-image&apos;s units, where tissue holds about 0.01-0.1 (light 0.005, strong 0.02).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With iBOT on: the patch tokens get a head of their own (the DINO head&apos;s shape) instead of sharing the DINO head with the class token (DINOv2&apos;s default: shared).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of iBOT&apos;s masked-patch loss: block-masked patches of the student&apos;s global views predict the teacher&apos;s patch tokens of the unmasked views (0 = off; iBOT and DINOv2: 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A masked global view hides at least this fraction of its patches (DINOv2: 0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A masked global view hides at most this fraction of its patches (DINOv2: 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of the batch&apos;s global views that are masked; the others are seen whole (DINOv2: 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The student&apos;s last block skips its attention and MLP branches for a view with this probability, the earlier blocks with less (rising linearly from 0 at the first); the teacher sees every block (0 = off; official DINO: 0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the lengths of the head&apos;s weight-normalised prototypes at 1 (the seed; official DINO&apos;s default). Off: the lengths train too, which official DINO uses for ViT-S (sharper targets, less stable).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::MetricHelp</name>
    <message>
        <source>The global step, counted from 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The epoch of the step, counted from 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate of the step (the schedule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight decay of the step (the schedule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher&apos;s softmax temperature of the step (the schedule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher&apos;s EMA momentum of the step (the schedule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images of the batch (each with all its views) per second of the step, data waiting included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean entropy of the teacher&apos;s sharpened softmax; near 0 when one pseudo-label wins for every image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL divergence of the batch&apos;s mean teacher distribution from the uniform one; near log(out_dim) when every image gets the same label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 norm of the teacher&apos;s centre after the step (0 with Sinkhorn-Knopp centering).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds the step took, waiting for the data included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds the step waited for the data loader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training time since the run started; a resumed run goes on from its checkpoint&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-dimension standard deviation of the student&apos;s L2-normalised class tokens over the images, times sqrt(embed_dim): about 1 when spread over the sphere, 0 when every image gets the same feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KoLeo term before its weight (optim.koleo_weight); 0 when the weight is 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total L2 norm of the student&apos;s gradients before clipping (optim.clip_grad), as official DINO reports it; of the all-reduced gradients in a data-parallel run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DINO loss of the whole batch (cross-entropy of the student&apos;s views against the teacher&apos;s targets), plus the weighted KoLeo and iBOT terms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iBOT&apos;s masked-patch loss before its weight (optim.ibot_weight): the cross-entropy of the student&apos;s masked patch tokens against the teacher&apos;s, averaged over each view&apos;s masked patches and over the global views; 0 when the weight is 0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;DINO Studio %1&lt;/h2&gt;&lt;p&gt;Self-supervised DINO training (self-distillation with no labels, Caron et al. 2021) of a Vision Transformer on MedMNIST&apos;s PathMNIST.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;The bundled sample holds 1,294 real PathMNIST images. &lt;a href=&quot;provenance&quot;&gt;Where they come from and how they were checked&lt;/a&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About DINO Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provenance document is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled sample: data provenance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::AttentionFigure</name>
    <message>
        <source>Choose images and press Compute to see where the class token looks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2
random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export: compute the maps first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown image format &quot;%1&quot; (use png, svg or pdf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class-token attention of block %1 of %2 (%3 split), renormalised over the %4 patches (uniform: %5 each); %6 (viridis: dark low, yellow high), upsampled nearest-neighbour. Mask: the patches holding %7 % of the head mean&apos;s attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one colour scale for every map, 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each map scaled to its own range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::AttentionPanel</name>
    <message>
        <source>Images by index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images of a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image indices in the split, 0-based, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw other images and compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transformer block whose attention is shown (1 = the first; &quot;last&quot; by default, as in the DINO paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random init beside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second row per image: the same images through the untrained model with the run&apos;s seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The official script&apos;s --threshold: keep the patches that hold this share of the attention, largest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or train a run, then press Compute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image index (use numbers from 0, separated by commas).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one image index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing attention maps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the maps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1, step %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) of the %1 split; block %2 of %3, %4 heads; %5.</source>
        <translation>
            <numerusform>%n image of the %1 split; block %2 of %3, %4 heads; %5.</numerusform>
            <numerusform>%n images of the %1 split; block %2 of %3, %4 heads; %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export attention figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared colour scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One colour scale for every map, so that a near-uniform map (random init) looks flat. Off: each map scaled to its own range, as the official script does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of the attention the threshold mask keeps, largest patches first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ChartControls</name>
    <message>
        <source>Exponential moving-average weight of the smoothed curves (0: no smoothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic value axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ComparisonPanel</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The x axis of every chart: the step, the epoch (fractional), or the training time since the run started (metrics.csv&apos;s elapsed_seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which live k-NN accuracy the k-NN chart shows (knn.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DINO loss of each run: faint the raw steps, strong the smoothed curve; a seed group draws its mean with a band of ±1 standard deviation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live k-NN accuracy of each run&apos;s teacher (eval.knn_every_steps); dashed in the same colour, the same classifier on the run&apos;s random-initialised model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wall time (h:mm:ss)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random init mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · mean + sd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · mean − sd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select runs in the table to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: %1 · seed groups: %2 (mean ± 1 sd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed groups: %1 (mean ± 1 sd)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigColumn</name>
    <message>
        <source>Custom configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset the configuration comes from; choosing one replaces the whole configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run trains with the configuration it started with; the form is locked until it stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the configuration. First: %1</source>
        <translation type="unfinished">
            <numerusform>%n problem in the configuration: %1</numerusform>
            <numerusform>%n problems in the configuration. First: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigDiffPanel</name>
    <message>
        <source>Differences only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the fields whose values are not the same in every selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the table to the clipboard as CSV (one column per run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export configuration diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select runs in the table to compare their configurations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One run selected: select more to see what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 selected runs have the same configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields that differ between the %1 runs: %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigDocument</name>
    <message>
        <source>Seed preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed (15 epochs, batch 256 — a GPU job)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick CPU demo preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick CPU demo (a few minutes on the sample data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU hour preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU hour (3 epochs of the full PathMNIST, about an hour on 2 cores; set your own data set)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigFields</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views and augmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use first N images (0 = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local view size (0 = image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local crop scale min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local crop scale max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop aspect ratio min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop aspect ratio max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal flip p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical flip p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour jitter p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur kernel (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur sigma min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur sigma max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur p, Global 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur p, Global 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur p, local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solarise p (Global 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solarise threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalisation mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalisation std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patch size (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLP ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudo-labels (out_dim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head hidden width (0 = auto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head bottleneck (0 = auto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial weights (.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max steps per epoch (0 = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clip (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze last layer (epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No weight decay on biases/norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate (peak)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate (final)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LR warmup fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay (start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay (final)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature (start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temp. warmup fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA momentum (start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA momentum (final)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k (neighbours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate every N epochs (0 = end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate when training ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory bank split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads (0 = all cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Augmentation threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefetched batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global crop scale min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global crop scale max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze last layer (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher centring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinkhorn-Knopp iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KoLeo weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN every N steps (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN images per split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch checkpoints kept (-1 = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also keep every K-th epoch (0 = none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch checkpoint contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes (data parallel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process timeout (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe: last blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe learning rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe weight decays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe selection split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter-turn rotation p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;E stain jitter p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stain scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stain shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iBOT: separate patch head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iBOT weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iBOT mask ratio min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iBOT mask ratio max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iBOT masked views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stochastic depth (drop path)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head: prototypes of length 1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigForm</name>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safetensors (*.safetensors);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, e.g. 0.5 or 5e-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected three comma-separated numbers, or empty for automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &lt;= the %1 training images (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n problem(s)</source>
        <translation>
            <numerusform>%1 — %n problem</numerusform>
            <numerusform>%1 — %n problems</numerusform>
        </translation>
    </message>
    <message>
        <source>must be &lt;= %1 (%2) (got %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected comma-separated numbers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::DatasetPicker</name>
    <message>
        <source>Bundled PathMNIST sample (1,294 images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded MedMNIST dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local MedMNIST .npz file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path/to/dataset.npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open MedMNIST .npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NumPy archives (*.npz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 px, %3 classes; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1 (%2 px) and checking its MD5 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download MedMNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded %1 of %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 px) is not downloaded yet: press Download… to fetch it into %3 (MD5-checked).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 px; %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::EmbeddingMapPanel</name>
    <message>
        <source>Compute map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features of every image of the split and of the memory bank, then PCA to 2-D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or train a run, then press Compute map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rectangle to see the images inside it (off: drag pans, the wheel zooms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding map (PCA of the features)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a point to see its image and its nearest neighbours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 (click for its neighbours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export map coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the Projector files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the Projector files to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing features…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the map: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n image(s) of the %2 split, %3-dimensional features; PC1 and PC2 explain %4 % and %5 % of the variance.</source>
        <translation>
            <numerusform>%1: %n image of the %2 split, %3-dimensional features; PC1 and PC2 explain %4 % and %5 % of the variance.</numerusform>
            <numerusform>%1: %n images of the %2 split, %3-dimensional features; PC1 and PC2 explain %4 % and %5 % of the variance.</numerusform>
        </translation>
    </message>
    <message>
        <source>PC1 (%1 % of the variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PC2 (%1 % of the variance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding map of the %1 split: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 nearest neighbours in the memory bank (%2 split), most similar first: the images the weighted k-NN votes with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 image #%2, %3, cosine similarity %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in the selection</source>
        <translation>
            <numerusform>%n image in the selection</numerusform>
            <numerusform>%n images in the selection</numerusform>
        </translation>
    </message>
    <message>
        <source>The images inside the rectangle (%1 split). Click a point to see its neighbours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export: compute the map first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCA: exact and deterministic, axes and distances mean something. t-SNE (exact, from the PCA layout): shows neighbourhoods and clusters better; distances between clusters mean little. O(N²): minutes for thousands of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perplexity </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE&apos;s effective number of neighbours (at most a third of the images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE: perplexity %1, KL(P‖Q) = %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t-SNE map of the %1 split: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1&lt;/b&gt; of the %2 split&lt;br&gt;label: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;weighted %4-NN vote: &lt;span style=&apos;color:%5&apos;&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/span&gt;&lt;br&gt;map position (%7, %8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the coordinates as CSV: index,split,label,x,y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projector…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for the TensorBoard Projector: tensors.tsv, metadata.tsv, sprite.png and projector_config.pbtxt in a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::EvaluationPanel</name>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN evaluation of the run&apos;s last checkpoint and of a random-init baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or train a run, then press Evaluate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-NN accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC (macro, one-vs-rest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO vs random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix (weighted k-NN, DINO teacher)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalise rows (recall per class)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or train a run first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until training has finished or stop it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fraction of the true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>val split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The images the k-NN classifier is measured on (the memory bank is the training split). Keep the test split for the figure you report; compare settings on val.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy on the split&apos;s images, with its 95 % Wilson score interval in brackets: the range that holds the accuracy on unlimited images of the same kind 95 times in 100. AUC has no interval here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>true %1, predicted %2: %n image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not evaluated on the %1 split yet: press Evaluate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing features of the teacher and of a random-init model on the %1 split…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-NN accuracy
%1, n = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy
%1, n = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC (macro, one-vs-rest)
%1, n = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 against %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the random-init model (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The teacher is below its random init&lt;/b&gt; on %1: training made the features worse for k-NN. Usual causes are a learning rate too high for the batch or a collapse (see the collapse indicators on the Training tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 95 % intervals overlap: on %1 images the gap may be chance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint of epoch %1 (step %2). k-NN on the %3 split: %4 images classified against a memory bank of %5 %6 images; k = %7, T = %8. In brackets: 95 % Wilson score intervals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO vs random init (%1, n = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear probe accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe: chosen lr / wd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN evaluation and linear probe of the run&apos;s last checkpoint and of a random-init baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear probe accuracy
%1, n = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Probe: chosen lr / wd
last %n block(s), %1 epochs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 heads (lr × wd) trained on %2 %3 images for %4 epochs in %5 s; the one with the best %6 accuracy is reported. Test macro AUC %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split on which the best head of the probe&apos;s grid is chosen (eval.probe_val_split)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (edge of the grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best head has the largest learning rate of eval.probe_lrs: a larger one may do better, so this probe accuracy is a lower bound. Add larger values to eval.probe_lrs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best head has the smallest learning rate of eval.probe_lrs: a smaller one may do better, so this probe accuracy is a lower bound. Add smaller values to eval.probe_lrs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ExperimentsPanel</name>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folders whose runs are listed: the runs folder, and folders you add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the runs folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder of runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the runs again now (the table also follows them by itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: name, tag, sweep, lr=0.001 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the runs whose name, tags, sweep, status or a setting (as key=value, e.g. optim.lr=0.001) contain every word typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per group of runs that differ only in system.seed: results as mean ± sample standard deviation, and n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every configuration field as a column, not only those that differ between the runs shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the run in the window (double-click does the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or remove tags of the selected runs (kept in each run&apos;s tags.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the selected runs from the table (Show hidden brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected run folders from disk (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 runs shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n training</source>
        <translation>
            <numerusform> · %n training</numerusform>
            <numerusform> · %n training</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filtered by %1: %n run(s) —</source>
        <translation>
            <numerusform>Filtered by %1: %n run —</numerusform>
            <numerusform>Filtered by %1: %n runs —</numerusform>
        </translation>
    </message>
    <message>
        <source>a view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tags of %n run(s) changed</source>
        <translation>
            <numerusform>Tags of %n run changed</numerusform>
            <numerusform>Tags of %n runs changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) hidden</source>
        <translation>
            <numerusform>%n run hidden</numerusform>
            <numerusform>%n runs hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) shown again</source>
        <translation>
            <numerusform>%n run shown again</numerusform>
            <numerusform>%n runs shown again</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is being trained by pid %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: a run that trains cannot be deleted; stop it first.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run folder(s) from disk, %1 in all? This cannot be undone.

%2</source>
        <translation>
            <numerusform>Delete %n run folder from disk, %1? This cannot be undone.

%2</numerusform>
            <numerusform>Delete %n run folders from disk, %1 in all? This cannot be undone.

%2</numerusform>
        </translation>
    </message>
    <message>
        <source>

Not deleted, because they train:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete runs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) deleted</source>
        <translation>
            <numerusform>%n run deleted</numerusform>
            <numerusform>%n runs deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags of %n run(s)</source>
        <translation>
            <numerusform>Tags of %n run</numerusform>
            <numerusform>Tags of %n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>new tags, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected runs have no tags yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck a tag to remove it from the selected runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy folder path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ExperimentsViews</name>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paired by seed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::FollowedRun</name>
    <message>
        <source>Another process started training %1; following it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped following the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process training %1 ended (status %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other process ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the run folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::HParamsPanel</name>
    <message>
        <source>Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result on the right-hand axis, and the lines&apos; colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear brushes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every axis&apos;s brush: the table shows all runs again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lines&apos; colour: the result on viridis (dark low, yellow high); grey: no result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel coordinates as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel coordinates as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel coordinates data as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A numeric configuration field that differs between the runs, or a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field against result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (n = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no run has this result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (mean of %2 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 runs inside the brushes; the table shows only them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs. Drag along an axis to filter the table; double-click an axis to clear it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the parallel coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selected in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields that mattered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which fields mattered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per field that differs: the mean result at each of its values (numbers with more than 5 values in thirds), over the runs or seed groups shown; the bar is the spread (max - min) of these means, as `dino sweep` reports it. Hover a bar for the means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields that mattered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: mean %2 (n = %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spread %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spread of the mean %1 over the field&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which fields mattered: needs two runs with the result and a field that differs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::MainActions</name>
    <message>
        <source>&amp;Open run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open configuration JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save configuration JSON… (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue run from its checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute pseudo-&amp;labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About DINO Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when DINO Studio starts again. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New s&amp;weep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train many configurations over seeds, stop the hopeless ones early and rank the rest (dino sweep)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resu&amp;me sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a stopped or killed sweep without redoing its finished trials</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::MainWindow</name>
    <message>
        <source>Augmentation preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudo-labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused after the current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; the last checkpoint is kept. Continue it from the Runs tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training, keep a checkpoint of the run and quit?

You can continue the run later from the Runs tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collapse guard&apos;s advice is in the configuration; press Start for a new run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run stops after the current step and keeps a checkpoint; you can continue it later from the Runs tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsaved settings were kept; the last run, %1, is in the Runs tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another process is training this run (%1); it has one writer at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::Metrics</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL to uniform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>centre norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>student feature spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KoLeo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iBOT loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ModelSourceBar</name>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split whose images are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any checkpoint the run kept: watch the model form epoch by epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher (EMA of the student, what evaluation uses), the student, or the untrained model with the run&apos;s seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::PairedPanel</name>
    <message>
        <source>Δ gain k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ gain probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ 1-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy minus the random-init model&apos;s (the same seed&apos;s), against the reference&apos;s, in points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear-probe accuracy minus the random-init model&apos;s, against the reference&apos;s, in points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC × 100 against the reference&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The teacher&apos;s accuracy against the reference&apos;s, in points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration every other one is compared with, seed by seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds paired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on “Group seeds” in the table above: pairing compares seed groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One configuration listed: run another with the same seeds to compare them seed by seed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed %1: %2 (%3 against %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>95 % interval of the mean difference (Student&apos;s t, %n degree(s) of freedom): %1 points; one that spans 0 is no evidence either way</source>
        <translation>
            <numerusform>95 % interval of the mean difference (Student&apos;s t, %n degree of freedom): %1 points; one that spans 0 is no evidence either way</numerusform>
            <numerusform>95 % interval of the mean difference (Student&apos;s t, %n degrees of freedom): %1 points; one that spans 0 is no evidence either way</numerusform>
        </translation>
    </message>
    <message>
        <source>Each cell: this configuration minus the reference, on each seed both ran (the same random init and data order), in points: the mean ± sd over those seeds, and (seeds ahead / seeds paired). Green: ahead on every seed; red: behind on every seed. Hover a cell for each seed and the 95 % interval of the mean difference.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ParallelCoordinates</name>
    <message>
        <source>1-NN accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted k-NN accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random-init 1-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random-init k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random-init AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best live k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step of the best live k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudo-labels used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (mean of %2 seeds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linear scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (result; %2). Drag along the axis to brush.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 (%3). Drag along the axis to brush.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs to compare: the hyperparameter views show the runs the table lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameters against %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::PlotWidget</name>
    <message>
        <source>Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chart has no data export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::PreviewPanel</name>
    <message>
        <source>Re-roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw new images and new random augmentations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real augmented views from the training pipeline (un-normalised). Global views go to the teacher and the student, local views to the student only. Click a view to enlarge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing views…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), %1 views each</source>
        <translation>
            <numerusform>%n image, %1 views each</numerusform>
            <numerusform>%n images, %1 views each</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original #%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of image #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the image as stored, no augmentation)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::PseudoLabelPanel</name>
    <message>
        <source>Compute pseudo-labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluation test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted by count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pseudo-labels computed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher pseudo-label assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudo-label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the teacher over the split…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute pseudo-labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images of the %2 split · %3 of %4 pseudo-labels used · entropy %5 nats of at most %6 (about %7 equally used labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudo-labels, most used first (rank)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudo-label index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What you are looking at.&lt;/b&gt; Each image is given the index of the teacher head&apos;s largest output (argmax over out_dim pseudo-labels); the bars count how many images got each index. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PathMNIST has 9 tissue classes of unequal size and visually similar images share labels, so a few labels collect many images and most of the out_dim labels stay rare or unused. A histogram with a single bar, or a flat one with an entropy near log(out_dim), would mean collapse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Why it is not uniform:&lt;/b&gt; this run makes the teacher&apos;s targets with Sinkhorn-Knopp (optim.centering = sinkhorn, DINOv2&apos;s remedy): a few rounds of normalisation spread each batch&apos;s images evenly over the labels, which stops one label from winning for every image, and the low teacher temperature makes each image pick one label confidently. The histogram counts the head&apos;s raw argmax over a whole split, without that balancing, so it shows how much of the balance the head has learned. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Why it is not uniform:&lt;/b&gt; nothing in DINO asks for equally sized groups. Centering subtracts a running mean of the teacher outputs, which stops one label from winning for every image, and sharpening (a low teacher temperature) makes each image pick one label confidently; between the two the teacher settles on as many labels as the data supports. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::RunCommands</name>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder written to %1 (timm parameter names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration (%1) has edits that are not saved. Save them before it is replaced?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the encoder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n checkpoint(s), freed %1.</source>
        <translation type="unfinished">
            <numerusform>Removed %n checkpoint, freed %1.</numerusform>
            <numerusform>Removed %n checkpoints, freed %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chart: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview grid as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder weights (safetensors for timm)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save metrics CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export encoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save preview grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no checkpoint yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save checkpoint as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints (*.ckpt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prune checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest N epoch checkpoints (last.ckpt, which training continues from, is always kept):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to remove: the run keeps only these checkpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n checkpoint(s) and free %1?</source>
        <translation type="unfinished">
            <numerusform>Remove %n checkpoint and free %1?</numerusform>
            <numerusform>Remove %n checkpoints and free %1?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dino::ui::RunController</name>
    <message>
        <source>A run is already active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the runs folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a run in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuing %1 from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN evaluation after epoch %1: 1-NN %2 %, weighted k-NN %3 % (random init %4 %)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::RunFollowerView</name>
    <message>
        <source>training in another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training in another process (pid %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training in another process (pid %1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::RunStatusBar</name>
    <message>
        <source>Stopping… writing a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::RunsPanel</name>
    <message>
        <source>Run in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume from the last checkpoint with the run&apos;s own configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save metrics CSV as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save checkpoint as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export encoder (safetensors for timm)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open run folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New runs are written to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for new runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ViT %1 wide, %2 blocks, %3 heads, patch %4; %5 pseudo-labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 epochs × %2 steps, batch %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % (random init %2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prune checkpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove old epoch checkpoints to free disk space; last.ckpt, which training continues from, is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, of which checkpoints %2 (keeps the newest %3 epoch checkpoints%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, plus one every %1 epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training in another process (pid %1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training (the Training tab shows its progress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 when training started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at step %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse guard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::RunsTableModel</name>
    <message>
        <source>1-NN acc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN acc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init 1-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best live k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entropy (nats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>labels used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-nearest-neighbour accuracy of the trained teacher (eval.json), 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy of the trained teacher (eval.json), 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro one-vs-rest ROC AUC of the k-NN scores (eval.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-NN accuracy of the random-init model, the floor to beat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy of the random-init model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC of the random-init model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest weighted k-NN accuracy of the live curve (knn.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step of the best live k-NN point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher entropy of the last step, in nats (low: one-hot collapse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudo-labels (prototypes) used (pseudo_labels.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training (pid %1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped (killed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps (done/total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s folder below the listed folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training (a process holds the run&apos;s lock: its pid and host), finished, stopped, failed, collapsed (ended with a collapse verdict) or created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When training started (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training time, summed over the processes that trained the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer steps done / planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training throughput: the median images per second over the steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seeds (system.seed) of the group&apos;s runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs in the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Groups: mean ± sample standard deviation over the seeds (n − 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collapse guard&apos;s verdict (status.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your tags (tags.json in the run folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep the run belongs to (a folder with sweep.json above it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean over the group&apos;s runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (n=%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean %1, sd %2, n %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pruned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::ShownRun</name>
    <message>
        <source>Stop the current training before opening another run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1: %2 steps, status %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following it while it trains: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the run folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — DINO Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::SweepCommands</name>
    <message>
        <source>Sweep started in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep started in %1 (dino sweep; its log: sweep-log.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume a sweep: its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume the sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sweep is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sweep and quit? Its running trials stop after their current step and keep a checkpoint; Training ▸ Resume sweep… continues it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sweep and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials of this sweep that failed before: %1 (%2). Run them again, from their last checkpoint where they wrote one, or keep them failed and continue the others?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::SweepDialog</name>
    <message>
        <source>values (grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log-uniform range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integer range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fixed value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form&apos;s configuration (saved in the sweep folder as %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields to sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values: comma-separated (&quot;0.0005, 0.001, 0.002&quot;); a range: &quot;low, high&quot;; a list-valued field&apos;s values separated by &quot;;&quot;. Values of one grid field times another&apos;s make the grid; ranges and choices are drawn at random (then set the number of trials).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds and budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system.seed of each configuration&apos;s runs; the table averages over them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every grid point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trial starts after this much sweep time; running trials finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds the random draws of ranges and choices: the same spec gives the same configurations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configurations (trials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampler seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping on the live k-NN curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: every trial runs to the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median rule (Optuna&apos;s MedianPruner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>successive halving (ASHA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weighted k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the sweep stops and ranks on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median rule: no decision before this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median rule: other trials that must have reported the step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successive halving / Hyperband: the step of the first rung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successive halving / Hyperband: the top 1/eta of a rung continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperband: configuration c is in bracket c mod brackets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum other trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rung (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduction factor eta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brackets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials side by side; each gets its share of the cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new or empty folder; under the runs folder its runs appear in the runs table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec (what `dino sweep` runs):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save spec…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep folder (new or empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save sweep spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep spec (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an integer, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of numbers, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a range: low, high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter at least one value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fixed field takes one value (a list is a grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a range is two numbers: low, high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low (%1) must be below high (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a log-uniform range needs low &gt; 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer range needs two integers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made with DINO Studio&apos;s sweep dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base configuration is invalid: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this field has another row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a field to sweep (with values, a range or a choice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds: &quot;%1&quot; is not an integer &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds: %1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds: enter at least one seed (e.g. 0, 1, 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random ranges and choices need a number of configurations (Seeds and budget).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping follows the live k-NN curve: set eval.knn_every_steps &gt; 0 (in the base, or as a fixed field here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a sweep folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep folder %1 is not empty; a new sweep needs a new or empty folder (Training ▸ Resume sweep… continues one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sweep is running (%1); one at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 configurations × %2 = %3 trials%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at most (early stopping ends some early)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No field swept yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (counting the valid values; fix the marked ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sweep runner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the sweep folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::SweepProgressWidget</name>
    <message>
        <source>Stop the sweep as Ctrl-C does: its trials stop after their current step and keep a checkpoint; Training ▸ Resume sweep… continues it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep %1: %2/%3 trials ended, %4 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep %1: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::SweepRunner</name>
    <message>
        <source>%1 is not a sweep folder (it has no sweep-state.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sweep is already running (%1); stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dino command-line program was not found at %1; it runs the sweep&apos;s trials. Build it (ninja dino) or set DINO_CLI to its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep process ended abnormally (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep finished: %1 (results in sweep-results.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep stopped; Training ▸ Resume sweep… continues it (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep failed (exit code %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::TrainingPanel</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new training run with the configuration on the left (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current step and keep a checkpoint (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine messages appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1/%2 · step %3/%4 (%5 in epoch) · %6 img/s · loss %7 · ETA %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading data and building the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping… (finishing the step and writing a checkpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DINO&apos;s two collapse modes: entropy near log(out_dim) with KL near 0 means a uniform output (centering without enough sharpening); entropy near 0 with KL near log(out_dim) means one pseudo-label wins for every image (sharpening without centering).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher 1-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher weighted k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random init 1-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random init weighted k-NN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-NN accuracy of the teacher&apos;s features on a fixed subset during training (eval.knn_every_steps), beside the same classifier on a random-initialised model (dashed). Above the dashed lines, DINO has learned something the random network did not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try: %1. &lt;a href=&quot;apply&quot;&gt;Apply this advice to a new configuration&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned: %1 epochs × %2 steps = %3 steps on %4 images (%5, %6 threads, %7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 processes (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run in %1 processes cannot pause; Stop keeps the last checkpoint and Resume continues it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN on %1 (n = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live k-NN on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1/%2 · step %3/%4 · loss %5 · finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1/%2 · step %3/%4 · loss %5 · stopped (Continue resumes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dino::ui::TrainingWorker</name>
    <message>
        <source>Training stopped with an unknown error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DINO self-supervised training studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a run folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a configuration JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of every panel into dir, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, e.g. 1366x768.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start training with the configuration at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
