<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Unknown image format &quot;%1&quot; (use png, jpg, pdf or svg).</source>
        <translation>Unbekanntes Bildformat „%1“ (png, jpg, pdf oder svg verwenden).</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Width (px)</source>
        <translation>Breite (px)</translation>
    </message>
    <message>
        <source>Height (px)</source>
        <translation>Höhe (px)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Data: MedMNIST v2 — Yang, J. et al. &quot;MedMNIST v2: A large-scale lightweight benchmark for 2D and 3D biomedical image classification&quot;, Scientific Data 10, 41 (2023), CC BY 4.0. PathMNIST derives from NCT-CRC-HE-100K and CRC-VAL-HE-7K: Kather, J. N. et al. &quot;Predicting survival from colorectal cancer histology slides using deep learning&quot;, PLOS Medicine 16(1), e1002730 (2019).</source>
        <translation>Daten: MedMNIST v2 — Yang, J. et al. „MedMNIST v2: A large-scale lightweight benchmark for 2D and 3D biomedical image classification“, Scientific Data 10, 41 (2023), CC BY 4.0. PathMNIST stammt aus NCT-CRC-HE-100K und CRC-VAL-HE-7K: Kather, J. N. et al. „Predicting survival from colorectal cancer histology slides using deep learning“, PLOS Medicine 16(1), e1002730 (2019).</translation>
    </message>
</context>
<context>
    <name>dino::FieldHelp</name>
    <message>
        <source>Training data: &apos;sample&apos; (bundled PathMNIST sample), a MedMNIST flag such as &apos;pathmnist&apos; (downloaded), or a path to a MedMNIST .npz file.</source>
        <translation>Trainingsdaten: &apos;sample&apos; (mitgelieferte PathMNIST-Stichprobe), ein MedMNIST-Kürzel wie &apos;pathmnist&apos; (wird heruntergeladen) oder der Pfad zu einer MedMNIST-.npz-Datei.</translation>
    </message>
    <message>
        <source>Which split of the file to train on (train, val or test).</source>
        <translation>Split der Datei, auf dem trainiert wird (train, val oder test).</translation>
    </message>
    <message>
        <source>Where downloaded MedMNIST files are kept (empty: ~/.medmnist).</source>
        <translation>Ordner für heruntergeladene MedMNIST-Dateien (leer: ~/.medmnist).</translation>
    </message>
    <message>
        <source>Train on only the first N images (0 = all) to make a run quicker.</source>
        <translation>Nur auf den ersten N Bildern trainieren (0 = alle), damit ein Lauf schneller geht.</translation>
    </message>
    <message>
        <source>MedMNIST image size in pixels (28 is the seed&apos;s).</source>
        <translation>MedMNIST-Bildgröße in Pixeln (28 wie in der Seed-Voreinstellung).</translation>
    </message>
    <message>
        <source>Number of global views per image (&gt;= 2); the teacher sees only these.</source>
        <translation>Anzahl globaler Ansichten pro Bild (&gt;= 2); nur diese sieht der Teacher.</translation>
    </message>
    <message>
        <source>Number of local views per image (&gt;= 1); only the student sees them.</source>
        <translation>Anzahl lokaler Ansichten pro Bild (&gt;= 1); nur der Student sieht sie.</translation>
    </message>
    <message>
        <source>Side of the local views in pixels (0 = image size, as in the seed; smaller is cheaper).</source>
        <translation>Seitenlänge der lokalen Ansichten in Pixeln (0 = Bildgröße wie in der Seed-Voreinstellung; kleiner spart Rechenzeit).</translation>
    </message>
    <message>
        <source>Probability of colour jitter on each view.</source>
        <translation>Wahrscheinlichkeit der Farbvariation (Color Jitter) für jede Ansicht.</translation>
    </message>
    <message>
        <source>Colour jitter: brightness factor drawn from [1-b, 1+b].</source>
        <translation>Farbvariation: Helligkeitsfaktor, gezogen aus [1-b, 1+b].</translation>
    </message>
    <message>
        <source>Colour jitter: contrast factor drawn from [1-c, 1+c].</source>
        <translation>Farbvariation: Kontrastfaktor, gezogen aus [1-c, 1+c].</translation>
    </message>
    <message>
        <source>Colour jitter: saturation factor drawn from [1-s, 1+s].</source>
        <translation>Farbvariation: Sättigungsfaktor, gezogen aus [1-s, 1+s].</translation>
    </message>
    <message>
        <source>Colour jitter: hue shift drawn from [-h, h] (fraction of the colour wheel).</source>
        <translation>Farbvariation: Farbtonverschiebung, gezogen aus [-h, h] (Anteil des Farbkreises).</translation>
    </message>
    <message>
        <source>Probability of a horizontal flip.</source>
        <translation>Wahrscheinlichkeit einer horizontalen Spiegelung.</translation>
    </message>
    <message>
        <source>Probability of a vertical flip.</source>
        <translation>Wahrscheinlichkeit einer vertikalen Spiegelung.</translation>
    </message>
    <message>
        <source>Gaussian blur kernel size in pixels (odd).</source>
        <translation>Kerngröße des Gaußschen Weichzeichners in Pixeln (ungerade).</translation>
    </message>
    <message>
        <source>Smallest Gaussian blur sigma.</source>
        <translation>Kleinstes Sigma des Gaußschen Weichzeichners.</translation>
    </message>
    <message>
        <source>Largest Gaussian blur sigma.</source>
        <translation>Größtes Sigma des Gaußschen Weichzeichners.</translation>
    </message>
    <message>
        <source>Probability of blur on Global 1 views (seed: always).</source>
        <translation>Wahrscheinlichkeit des Weichzeichnens für Ansichten „Global 1“ (Seed: immer).</translation>
    </message>
    <message>
        <source>Probability of blur on Global 2 views.</source>
        <translation>Wahrscheinlichkeit des Weichzeichnens für Ansichten „Global 2“.</translation>
    </message>
    <message>
        <source>Probability of blur on local views.</source>
        <translation>Wahrscheinlichkeit des Weichzeichnens für lokale Ansichten.</translation>
    </message>
    <message>
        <source>Probability of solarisation on Global 2 views.</source>
        <translation>Wahrscheinlichkeit der Solarisation für Ansichten „Global 2“.</translation>
    </message>
    <message>
        <source>Solarisation inverts pixels above this value (0..1).</source>
        <translation>Die Solarisation invertiert Pixel oberhalb dieses Werts (0..1).</translation>
    </message>
    <message>
        <source>Local crops cover at least this fraction of the image area.</source>
        <translation>Lokale Ausschnitte bedecken mindestens diesen Anteil der Bildfläche.</translation>
    </message>
    <message>
        <source>Local crops cover at most this fraction of the image area.</source>
        <translation>Lokale Ausschnitte bedecken höchstens diesen Anteil der Bildfläche.</translation>
    </message>
    <message>
        <source>Smallest aspect ratio of a local crop.</source>
        <translation>Kleinstes Seitenverhältnis eines lokalen Ausschnitts.</translation>
    </message>
    <message>
        <source>Largest aspect ratio of a local crop.</source>
        <translation>Größtes Seitenverhältnis eines lokalen Ausschnitts.</translation>
    </message>
    <message>
        <source>Per-channel normalisation mean (empty: PathMNIST&apos;s, or computed from the train split).</source>
        <translation>Mittelwert je Kanal für die Normierung (leer: der von PathMNIST oder aus dem Trainings-Split berechnet).</translation>
    </message>
    <message>
        <source>Per-channel normalisation std (empty: PathMNIST&apos;s, or computed from the train split).</source>
        <translation>Standardabweichung je Kanal für die Normierung (leer: die von PathMNIST oder aus dem Trainings-Split berechnet).</translation>
    </message>
    <message>
        <source>ViT patch size in pixels (4 gives 7x7 patches on 28x28 images).</source>
        <translation>ViT-Patch-Größe in Pixeln (4 ergibt 7x7 Patches bei 28x28-Bildern).</translation>
    </message>
    <message>
        <source>ViT token width (192 = ViT-tiny).</source>
        <translation>Token-Breite des ViT (192 = ViT-tiny).</translation>
    </message>
    <message>
        <source>Number of transformer blocks (12 = ViT-tiny).</source>
        <translation>Anzahl der Transformer-Blöcke (12 = ViT-tiny).</translation>
    </message>
    <message>
        <source>Attention heads per block (3 = ViT-tiny).</source>
        <translation>Attention-Köpfe pro Block (3 = ViT-tiny).</translation>
    </message>
    <message>
        <source>Width of each block&apos;s MLP relative to embed_dim.</source>
        <translation>Breite des MLP jedes Blocks relativ zu embed_dim.</translation>
    </message>
    <message>
        <source>Number of DINO pseudo-labels (output width of the head).</source>
        <translation>Anzahl der DINO-Pseudo-Labels (Ausgabebreite des Kopfs).</translation>
    </message>
    <message>
        <source>Layers in the DINO head&apos;s MLP before the bottleneck.</source>
        <translation>Schichten im MLP des DINO-Kopfs vor dem Engpass (Bottleneck).</translation>
    </message>
    <message>
        <source>Hidden width of the DINO head (0 = 2 x embed_dim).</source>
        <translation>Verdeckte Breite des DINO-Kopfs (0 = 2 x embed_dim).</translation>
    </message>
    <message>
        <source>Bottleneck width before the weight-normalised last layer (0 = embed_dim / 2).</source>
        <translation>Engpassbreite vor der gewichtsnormierten letzten Schicht (0 = embed_dim / 2).</translation>
    </message>
    <message>
        <source>Optional safetensors file with timm-named encoder weights to start from.</source>
        <translation>Optionale safetensors-Datei mit Encoder-Gewichten in timm-Benennung als Startpunkt.</translation>
    </message>
    <message>
        <source>Images per step (each image contributes all its views).</source>
        <translation>Bilder pro Schritt (jedes Bild trägt alle seine Ansichten bei).</translation>
    </message>
    <message>
        <source>Passes over the training set.</source>
        <translation>Anzahl der Durchläufe durch den Trainingsdatensatz.</translation>
    </message>
    <message>
        <source>Cap on steps per epoch (0 = whole epoch), to scale a run down.</source>
        <translation>Obergrenze der Schritte pro Epoche (0 = ganze Epoche), um einen Lauf zu verkleinern.</translation>
    </message>
    <message>
        <source>Peak learning rate, reached after the warmup.</source>
        <translation>Maximale Lernrate, erreicht nach der Aufwärmphase.</translation>
    </message>
    <message>
        <source>Learning rate at the end of the cosine decay.</source>
        <translation>Lernrate am Ende des Kosinus-Abfalls.</translation>
    </message>
    <message>
        <source>Fraction of all steps spent warming the learning rate up from 0.</source>
        <translation>Anteil aller Schritte, in denen die Lernrate von 0 aus hochgefahren wird (Aufwärmphase).</translation>
    </message>
    <message>
        <source>Weight decay at the start (cosine schedule).</source>
        <translation>Weight Decay zu Beginn (Kosinus-Zeitplan).</translation>
    </message>
    <message>
        <source>Weight decay at the end.</source>
        <translation>Weight Decay am Ende.</translation>
    </message>
    <message>
        <source>Teacher temperature at the start of its warmup (lower = sharper).</source>
        <translation>Teacher-Temperatur zu Beginn ihrer Aufwärmphase (niedriger = schärfer).</translation>
    </message>
    <message>
        <source>Teacher temperature after the warmup.</source>
        <translation>Teacher-Temperatur nach der Aufwärmphase.</translation>
    </message>
    <message>
        <source>Fraction of all steps over which the teacher temperature warms up.</source>
        <translation>Anteil aller Schritte, über den sich die Aufwärmphase der Teacher-Temperatur erstreckt.</translation>
    </message>
    <message>
        <source>Teacher EMA momentum at the start (cosine schedule).</source>
        <translation>EMA-Momentum des Teachers zu Beginn (Kosinus-Zeitplan).</translation>
    </message>
    <message>
        <source>Teacher EMA momentum at the end.</source>
        <translation>EMA-Momentum des Teachers am Ende.</translation>
    </message>
    <message>
        <source>Student softmax temperature.</source>
        <translation>Softmax-Temperatur des Students.</translation>
    </message>
    <message>
        <source>EMA momentum of the teacher centre (centering prevents collapse).</source>
        <translation>EMA-Momentum des Teacher-Zentrums (die Zentrierung verhindert einen Kollaps).</translation>
    </message>
    <message>
        <source>Clip each parameter&apos;s gradient norm to this (0 = off; official DINO uses 3).</source>
        <translation>Gradientennorm jedes Parameters auf diesen Wert begrenzen (0 = aus; das offizielle DINO verwendet 3).</translation>
    </message>
    <message>
        <source>Keep the head&apos;s last layer fixed for this many epochs (official DINO: 1).</source>
        <translation>Letzte Schicht des Kopfs für so viele Epochen eingefroren lassen (offizielles DINO: 1).</translation>
    </message>
    <message>
        <source>Do not apply weight decay to biases and LayerNorm weights (official DINO).</source>
        <translation>Kein Weight Decay auf Biases und LayerNorm-Gewichte anwenden (wie im offiziellen DINO).</translation>
    </message>
    <message>
        <source>Neighbours in the weighted k-NN classifier.</source>
        <translation>Anzahl der Nachbarn im gewichteten k-NN-Klassifikator.</translation>
    </message>
    <message>
        <source>Temperature of the weighted k-NN votes.</source>
        <translation>Temperatur der gewichteten k-NN-Stimmen.</translation>
    </message>
    <message>
        <source>Run k-NN evaluation every N epochs during training (0 = only at the end).</source>
        <translation>k-NN-Auswertung während des Trainings alle N Epochen ausführen (0 = nur am Ende).</translation>
    </message>
    <message>
        <source>Run k-NN evaluation when training finishes.</source>
        <translation>k-NN-Auswertung am Ende des Trainings ausführen.</translation>
    </message>
    <message>
        <source>Split whose features form the k-NN memory bank.</source>
        <translation>Split, dessen Merkmale die k-NN-Merkmalsbank bilden.</translation>
    </message>
    <message>
        <source>Split that is classified.</source>
        <translation>Split, der klassifiziert wird.</translation>
    </message>
    <message>
        <source>Images per batch when computing features.</source>
        <translation>Bilder pro Batch bei der Merkmalsberechnung.</translation>
    </message>
    <message>
        <source>CPU threads for the math (0 = all cores).</source>
        <translation>CPU-Threads für die Berechnungen (0 = alle Kerne).</translation>
    </message>
    <message>
        <source>auto (CUDA if present), cpu or cuda.</source>
        <translation>auto (CUDA, falls vorhanden), cpu oder cuda.</translation>
    </message>
    <message>
        <source>Random seed: same seed, same run.</source>
        <translation>Zufalls-Seed: gleicher Seed, gleicher Lauf.</translation>
    </message>
    <message>
        <source>Threads that prepare augmented batches (0 = on the training thread).</source>
        <translation>Threads, die augmentierte Batches vorbereiten (0 = im Trainings-Thread).</translation>
    </message>
    <message>
        <source>Batches prepared ahead of the training step.</source>
        <translation>Batches, die vor dem Trainingsschritt im Voraus vorbereitet werden.</translation>
    </message>
    <message>
        <source>Global views are random crops covering at least this fraction of the image (1 = whole image, the seed; official DINO: 0.4).</source>
        <translation>Globale Ansichten sind zufällige Ausschnitte, die mindestens diesen Anteil des Bildes abdecken (1 = ganzes Bild wie im Seed; offizielles DINO: 0,4).</translation>
    </message>
    <message>
        <source>Global views cover at most this fraction of the image.</source>
        <translation>Globale Ansichten decken höchstens diesen Anteil des Bildes ab.</translation>
    </message>
    <message>
        <source>Keep the head&apos;s last layer fixed for this many steps (adds to the epochs option).</source>
        <translation>Die letzte Schicht des Kopfes für so viele Schritte festhalten (zusätzlich zur Option in Epochen).</translation>
    </message>
    <message>
        <source>Teacher targets: ema (the seed&apos;s running centre) or sinkhorn (DINOv2&apos;s Sinkhorn-Knopp balancing, which keeps the teacher from collapsing).</source>
        <translation>Ziele des Teachers: ema (das laufende Zentrum des Seeds) oder sinkhorn (Sinkhorn-Knopp-Ausgleich aus DINOv2, der den Teacher vor dem Kollaps bewahrt).</translation>
    </message>
    <message>
        <source>Sinkhorn-Knopp iterations per step (DINOv2: 3).</source>
        <translation>Sinkhorn-Knopp-Iterationen pro Schritt (DINOv2: 3).</translation>
    </message>
    <message>
        <source>Weight of the KoLeo regulariser that spreads the student&apos;s class tokens (0 = off; DINOv2: 0.1).</source>
        <translation>Gewicht des KoLeo-Regularisierers, der die Klassen-Tokens des Students auseinanderzieht (0 = aus; DINOv2: 0,1).</translation>
    </message>
    <message>
        <source>Live k-NN accuracy every N steps on a fixed subset, written to knn.csv (0 = off).</source>
        <translation>Live-k-NN-Genauigkeit alle N Schritte auf einer festen Teilmenge, in knn.csv geschrieben (0 = aus).</translation>
    </message>
    <message>
        <source>Split classified by the live k-NN (the memory bank is the k-NN training split).</source>
        <translation>Vom Live-k-NN klassifizierter Split (die Speicherbank ist der k-NN-Trainingssplit).</translation>
    </message>
    <message>
        <source>At most this many images of each split in the live k-NN.</source>
        <translation>Höchstens so viele Bilder je Split im Live-k-NN.</translation>
    </message>
    <message>
        <source>Epoch snapshots kept besides last.ckpt: the newest N (-1 = all, 0 = none).</source>
        <translation>Neben last.ckpt behaltene Epochen-Snapshots: die neuesten N (-1 = alle, 0 = keine).</translation>
    </message>
    <message>
        <source>Also keep the snapshot of every K-th epoch (0 = none).</source>
        <translation>Außerdem den Snapshot jeder K-ten Epoche behalten (0 = keinen).</translation>
    </message>
    <message>
        <source>Epoch snapshots: weights (student, teacher, centre; half the size) or full (also optimizer and RNG state). last.ckpt is always full.</source>
        <translation>Epochen-Snapshots: weights (Student, Teacher, Zentrum; halbe Größe) oder full (auch Optimierer- und Zufallszustand). last.ckpt ist immer vollständig.</translation>
    </message>
    <message>
        <source>auto (bf16 where the CPU or GPU computes it natively: AMX-BF16, AVX512-BF16, CUDA; fp32 elsewhere), fp32, or bf16 mixed precision (autocast).</source>
        <translation>auto (bf16, wo CPU oder GPU es nativ rechnen: AMX-BF16, AVX512-BF16, CUDA; sonst fp32), fp32 oder bf16-Mischpräzision (Autocast).</translation>
    </message>
    <message>
        <source>Training processes on this machine, each taking a share of every batch (data parallel over torch&apos;s c10d; 1 = one process). The CPU threads are shared between them.</source>
        <translation>Trainingsprozesse auf diesem Rechner, jeder mit einem Teil jedes Batches (datenparallel über c10d von torch; 1 = ein Prozess). Die CPU-Threads werden unter ihnen aufgeteilt.</translation>
    </message>
    <message>
        <source>Communication between the processes: auto (NCCL on CUDA where built, else Gloo), gloo or nccl.</source>
        <translation>Kommunikation zwischen den Prozessen: auto (NCCL auf CUDA, wo eingebaut, sonst Gloo), gloo oder nccl.</translation>
    </message>
    <message>
        <source>Seconds a process waits for the others before the run stops naming the one that did not answer.</source>
        <translation>Sekunden, die ein Prozess auf die anderen wartet, bevor der Lauf anhält und den nennt, der nicht antwortete.</translation>
    </message>
    <message>
        <source>Also train linear classifiers on the frozen features (teacher and random init) in every evaluation: trained on the memory bank split, chosen on the probe&apos;s val split, reported on the test split.</source>
        <translation>In jeder Evaluation zusätzlich lineare Klassifikatoren auf den eingefrorenen Merkmalen trainieren (Teacher und zufällige Initialisierung): trainiert auf dem Memory-Bank-Split, ausgewählt auf dem Val-Split der Probe, berichtet auf dem Test-Split.</translation>
    </message>
    <message>
        <source>Class tokens of this many last blocks, concatenated, as the probe&apos;s features (official DINO: 4 for ViT-S); at most the model&apos;s depth.</source>
        <translation>Klassen-Tokens so vieler letzter Blöcke, aneinandergehängt, als Merkmale der Probe (offizielles DINO: 4 für ViT-S); höchstens die Tiefe des Modells.</translation>
    </message>
    <message>
        <source>Passes over the train split&apos;s features; one pass trains every head of the grid.</source>
        <translation>Durchläufe über die Merkmale des Trainings-Splits; ein Durchlauf trainiert jeden Kopf des Rasters.</translation>
    </message>
    <message>
        <source>Features per SGD step of the probe.</source>
        <translation>Merkmale pro SGD-Schritt der Probe.</translation>
    </message>
    <message>
        <source>Learning rates of the probe&apos;s grid (SGD, momentum 0.9, cosine to 0); every one is tried with every weight decay. L2-normalised features need much larger rates than raw ones.</source>
        <translation>Lernraten des Probe-Rasters (SGD, Momentum 0,9, Kosinus bis 0); jede wird mit jedem Weight Decay versucht. L2-normierte Merkmale brauchen viel größere Raten als rohe.</translation>
    </message>
    <message>
        <source>Weight decays (L2 on the weights) of the probe&apos;s grid; 0 = none.</source>
        <translation>Weight Decays (L2 auf den Gewichten) des Probe-Rasters; 0 = keiner.</translation>
    </message>
    <message>
        <source>Split on which the best head of the probe&apos;s grid is chosen (its accuracy is reported too).</source>
        <translation>Split, auf dem der beste Kopf des Probe-Rasters gewählt wird (seine Genauigkeit wird ebenfalls berichtet).</translation>
    </message>
    <message>
        <source>Probability of a rotation by 90, 180 or 270 degrees (equally likely); 0.75 makes all four orientations equally likely, for images that have no up, such as tissue.</source>
        <translation>Wahrscheinlichkeit einer Drehung um 90, 180 oder 270 Grad (gleich wahrscheinlich); 0,75 macht alle vier Ausrichtungen gleich wahrscheinlich, für Bilder ohne Oben, etwa Gewebe.</translation>
    </message>
    <message>
        <source>Probability of H&amp;E stain jitter on each view: the colours separated into haematoxylin, eosin and DAB, each scaled and shifted, then recombined (Tellez et al. 2019). Skipped on grey images.</source>
        <translation>Wahrscheinlichkeit der H&amp;E-Färbungsvariation je Ansicht: die Farben in Hämatoxylin, Eosin und DAB zerlegt, jede skaliert und verschoben, dann wieder zusammengesetzt (Tellez et al. 2019). Bei Graustufenbildern übersprungen.</translation>
    </message>
    <message>
        <source>Stain jitter: each stain&apos;s amount multiplied by a factor from [1-s, 1+s] (light 0.05, strong 0.2).</source>
        <translation>Färbungsvariation: die Menge jeder Färbung mit einem Faktor aus [1-s, 1+s] multipliziert (leicht 0,05, stark 0,2).</translation>
    </message>
    <message>
        <source>Stain jitter: a shift from [-b, b] added to each stain&apos;s amount, in scikit-image&apos;s units, where tissue holds about 0.01-0.1 (light 0.005, strong 0.02).</source>
        <translation>Färbungsvariation: eine Verschiebung aus [-b, b] zur Menge jeder Färbung addiert, in den Einheiten von scikit-image, in denen Gewebe etwa 0,01-0,1 enthält (leicht 0,005, stark 0,02).</translation>
    </message>
    <message>
        <source>With iBOT on: the patch tokens get a head of their own (the DINO head&apos;s shape) instead of sharing the DINO head with the class token (DINOv2&apos;s default: shared).</source>
        <translation>Mit iBOT: Die Patch-Tokens bekommen einen eigenen Kopf (in der Form des DINO-Kopfs), statt den DINO-Kopf mit dem Klassen-Token zu teilen (Voreinstellung von DINOv2: geteilt).</translation>
    </message>
    <message>
        <source>Weight of iBOT&apos;s masked-patch loss: block-masked patches of the student&apos;s global views predict the teacher&apos;s patch tokens of the unmasked views (0 = off; iBOT and DINOv2: 1).</source>
        <translation>Gewicht des Masked-Patch-Loss von iBOT: blockweise maskierte Patches der globalen Ansichten des Students sagen die Patch-Tokens des Teachers auf den unmaskierten Ansichten vorher (0 = aus; iBOT und DINOv2: 1).</translation>
    </message>
    <message>
        <source>A masked global view hides at least this fraction of its patches (DINOv2: 0.1).</source>
        <translation>Eine maskierte globale Ansicht verdeckt mindestens diesen Anteil ihrer Patches (DINOv2: 0,1).</translation>
    </message>
    <message>
        <source>A masked global view hides at most this fraction of its patches (DINOv2: 0.5).</source>
        <translation>Eine maskierte globale Ansicht verdeckt höchstens diesen Anteil ihrer Patches (DINOv2: 0,5).</translation>
    </message>
    <message>
        <source>Fraction of the batch&apos;s global views that are masked; the others are seen whole (DINOv2: 0.5).</source>
        <translation>Anteil der globalen Ansichten des Batches, die maskiert werden; die übrigen werden ganz gesehen (DINOv2: 0,5).</translation>
    </message>
    <message>
        <source>The student&apos;s last block skips its attention and MLP branches for a view with this probability, the earlier blocks with less (rising linearly from 0 at the first); the teacher sees every block (0 = off; official DINO: 0.1).</source>
        <translation>Der letzte Block des Schülers überspringt für eine Ansicht mit dieser Wahrscheinlichkeit seinen Attention- und MLP-Zweig, die früheren Blöcke seltener (linear ansteigend von 0 beim ersten); der Lehrer sieht jeden Block (0 = aus; offizielles DINO: 0,1).</translation>
    </message>
    <message>
        <source>Keep the lengths of the head&apos;s weight-normalised prototypes at 1 (the seed; official DINO&apos;s default). Off: the lengths train too, which official DINO uses for ViT-S (sharper targets, less stable).</source>
        <translation>Die Längen der gewichtsnormierten Prototypen des Kopfes bleiben 1 (der Seed; Voreinstellung des offiziellen DINO). Aus: Die Längen werden mittrainiert, wie das offizielle DINO es für ViT-S tut (schärfere Ziele, weniger stabil).</translation>
    </message>
</context>
<context>
    <name>dino::MetricHelp</name>
    <message>
        <source>The global step, counted from 0.</source>
        <translation>Der globale Schritt, ab 0 gezählt.</translation>
    </message>
    <message>
        <source>The epoch of the step, counted from 0.</source>
        <translation>Die Epoche des Schritts, ab 0 gezählt.</translation>
    </message>
    <message>
        <source>The learning rate of the step (the schedule).</source>
        <translation>Die Lernrate des Schritts (der Zeitplan).</translation>
    </message>
    <message>
        <source>The weight decay of the step (the schedule).</source>
        <translation>Die Gewichtsabnahme des Schritts (der Zeitplan).</translation>
    </message>
    <message>
        <source>The teacher&apos;s softmax temperature of the step (the schedule).</source>
        <translation>Die Softmax-Temperatur des Teachers in diesem Schritt (der Zeitplan).</translation>
    </message>
    <message>
        <source>The teacher&apos;s EMA momentum of the step (the schedule).</source>
        <translation>Das EMA-Momentum des Teachers in diesem Schritt (der Zeitplan).</translation>
    </message>
    <message>
        <source>Images of the batch (each with all its views) per second of the step, data waiting included.</source>
        <translation>Bilder des Batches (jedes mit allen Ansichten) pro Sekunde des Schritts, Warten auf Daten eingeschlossen.</translation>
    </message>
    <message>
        <source>Mean entropy of the teacher&apos;s sharpened softmax; near 0 when one pseudo-label wins for every image.</source>
        <translation>Mittlere Entropie der geschärften Softmax des Teachers; nahe 0, wenn ein Pseudo-Label für jedes Bild gewinnt.</translation>
    </message>
    <message>
        <source>KL divergence of the batch&apos;s mean teacher distribution from the uniform one; near log(out_dim) when every image gets the same label.</source>
        <translation>KL-Divergenz der mittleren Teacher-Verteilung des Batches von der Gleichverteilung; nahe log(out_dim), wenn jedes Bild dasselbe Label bekommt.</translation>
    </message>
    <message>
        <source>L2 norm of the teacher&apos;s centre after the step (0 with Sinkhorn-Knopp centering).</source>
        <translation>L2-Norm des Teacher-Zentrums nach dem Schritt (0 bei Sinkhorn-Knopp-Zentrierung).</translation>
    </message>
    <message>
        <source>Seconds the step took, waiting for the data included.</source>
        <translation>Sekunden, die der Schritt dauerte, Warten auf Daten eingeschlossen.</translation>
    </message>
    <message>
        <source>Seconds the step waited for the data loader.</source>
        <translation>Sekunden, die der Schritt auf den Datenlader wartete.</translation>
    </message>
    <message>
        <source>Training time since the run started; a resumed run goes on from its checkpoint&apos;s.</source>
        <translation>Trainingszeit seit dem Start des Laufs; ein fortgesetzter Lauf zählt ab der Zeit seines Checkpoints weiter.</translation>
    </message>
    <message>
        <source>Per-dimension standard deviation of the student&apos;s L2-normalised class tokens over the images, times sqrt(embed_dim): about 1 when spread over the sphere, 0 when every image gets the same feature.</source>
        <translation>Standardabweichung je Dimension der L2-normierten Klassen-Tokens des Students über die Bilder, mal sqrt(embed_dim): etwa 1, wenn sie über die Kugel verteilt sind, 0, wenn jedes Bild dasselbe Merkmal bekommt.</translation>
    </message>
    <message>
        <source>The KoLeo term before its weight (optim.koleo_weight); 0 when the weight is 0.</source>
        <translation>Der KoLeo-Term vor seinem Gewicht (optim.koleo_weight); 0, wenn das Gewicht 0 ist.</translation>
    </message>
    <message>
        <source>Total L2 norm of the student&apos;s gradients before clipping (optim.clip_grad), as official DINO reports it; of the all-reduced gradients in a data-parallel run.</source>
        <translation>Gesamte L2-Norm der Gradienten des Students vor dem Clipping (optim.clip_grad), wie das offizielle DINO sie meldet; bei datenparallelem Training die der summierten Gradienten.</translation>
    </message>
    <message>
        <source>The DINO loss of the whole batch (cross-entropy of the student&apos;s views against the teacher&apos;s targets), plus the weighted KoLeo and iBOT terms.</source>
        <translation>Der DINO-Loss des ganzen Batches (Kreuzentropie der Student-Ansichten gegen die Ziele des Teachers), plus die gewichteten KoLeo- und iBOT-Terme.</translation>
    </message>
    <message>
        <source>iBOT&apos;s masked-patch loss before its weight (optim.ibot_weight): the cross-entropy of the student&apos;s masked patch tokens against the teacher&apos;s, averaged over each view&apos;s masked patches and over the global views; 0 when the weight is 0.</source>
        <translation>Der Masked-Patch-Loss von iBOT vor seinem Gewicht (optim.ibot_weight): die Kreuzentropie der maskierten Patch-Tokens des Students gegen die des Teachers, gemittelt über die maskierten Patches jeder Ansicht und über die globalen Ansichten; 0, wenn das Gewicht 0 ist.</translation>
    </message>
</context>
<context>
    <name>dino::ui::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;DINO Studio %1&lt;/h2&gt;&lt;p&gt;Self-supervised DINO training (self-distillation with no labels, Caron et al. 2021) of a Vision Transformer on MedMNIST&apos;s PathMNIST.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;DINO Studio %1&lt;/h2&gt;&lt;p&gt;Selbstüberwachtes DINO-Training (Selbstdistillation ohne Labels, Caron et al. 2021) eines Vision Transformers auf PathMNIST aus MedMNIST.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The bundled sample holds 1,294 real PathMNIST images. &lt;a href=&quot;provenance&quot;&gt;Where they come from and how they were checked&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die mitgelieferte Stichprobe enthält 1.294 echte PathMNIST-Bilder. &lt;a href=&quot;provenance&quot;&gt;Woher sie stammen und wie sie geprüft wurden&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About DINO Studio</source>
        <translation>Über DINO Studio</translation>
    </message>
    <message>
        <source>The provenance document is missing from this build.</source>
        <translation>Das Herkunftsdokument fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Bundled sample: data provenance</source>
        <translation>Mitgelieferte Stichprobe: Herkunft der Daten</translation>
    </message>
</context>
<context>
    <name>dino::ui::AttentionFigure</name>
    <message>
        <source>Choose images and press Compute to see where the class token looks.</source>
        <translation>Bilder wählen und „Berechnen“ drücken, um zu sehen, wohin das Klassen-Token schaut.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>Head mean</source>
        <translation>Kopfmittel</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <source>Mask %1 %</source>
        <translation>Maske %1 %</translation>
    </message>
    <message>
        <source>#%1 %2
%3</source>
        <translation>#%1 %2
%3</translation>
    </message>
    <message>
        <source>#%1 %2
random init</source>
        <translation>#%1 %2
zufällige Init.</translation>
    </message>
    <message>
        <source>Nothing to export: compute the maps first.</source>
        <translation>Nichts zu exportieren: zuerst die Karten berechnen.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Attention maps</source>
        <translation>Aufmerksamkeitskarten</translation>
    </message>
    <message>
        <source>Unknown image format &quot;%1&quot; (use png, svg or pdf).</source>
        <translation>Unbekanntes Bildformat „%1“ (png, svg oder pdf verwenden).</translation>
    </message>
    <message>
        <source>Class-token attention of block %1 of %2 (%3 split), renormalised over the %4 patches (uniform: %5 each); %6 (viridis: dark low, yellow high), upsampled nearest-neighbour. Mask: the patches holding %7 % of the head mean&apos;s attention.</source>
        <translation>Aufmerksamkeit des Klassen-Tokens in Block %1 von %2 (Split %3), über die %4 Patches renormiert (gleichverteilt: je %5); %6 (viridis: dunkel niedrig, gelb hoch), nächster Nachbar vergrößert. Maske: die Patches mit %7 % der Aufmerksamkeit des Kopfmittels.</translation>
    </message>
    <message>
        <source>one colour scale for every map, 0 to %1</source>
        <translation>eine Farbskala für alle Karten, 0 bis %1</translation>
    </message>
    <message>
        <source>each map scaled to its own range</source>
        <translation>jede Karte auf ihren eigenen Bereich skaliert</translation>
    </message>
</context>
<context>
    <name>dino::ui::AttentionPanel</name>
    <message>
        <source>Images by index</source>
        <translation>Bilder nach Index</translation>
    </message>
    <message>
        <source>Images of a class</source>
        <translation>Bilder einer Klasse</translation>
    </message>
    <message>
        <source>Random images</source>
        <translation>Zufällige Bilder</translation>
    </message>
    <message>
        <source>Image indices in the split, 0-based, separated by commas</source>
        <translation>Bildindizes im Split, ab 0, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>How many images</source>
        <translation>Wie viele Bilder</translation>
    </message>
    <message>
        <source>New draw</source>
        <translation>Neu ziehen</translation>
    </message>
    <message>
        <source>Draw other images and compute</source>
        <translation>Andere Bilder ziehen und berechnen</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>last</source>
        <translation>letzter</translation>
    </message>
    <message>
        <source>The transformer block whose attention is shown (1 = the first; &quot;last&quot; by default, as in the DINO paper)</source>
        <translation>Der Transformer-Block, dessen Aufmerksamkeit gezeigt wird (1 = der erste; standardmäßig „letzter“, wie im DINO-Paper)</translation>
    </message>
    <message>
        <source>Random init beside</source>
        <translation>Zufällige Init. daneben</translation>
    </message>
    <message>
        <source>A second row per image: the same images through the untrained model with the run&apos;s seed</source>
        <translation>Eine zweite Zeile je Bild: dieselben Bilder durch das untrainierte Modell mit dem Seed des Laufs</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Overlay opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>The official script&apos;s --threshold: keep the patches that hold this share of the attention, largest first</source>
        <translation>--threshold des offiziellen Skripts: die Patches behalten, die diesen Anteil der Aufmerksamkeit tragen, größte zuerst</translation>
    </message>
    <message>
        <source>Export figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <source>Open or train a run, then press Compute.</source>
        <translation>Einen Lauf öffnen oder trainieren, dann „Berechnen“ drücken.</translation>
    </message>
    <message>
        <source>%1 (%2 images)</source>
        <translation>%1 (%2 Bilder)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image index (use numbers from 0, separated by commas).</source>
        <translation>„%1“ ist kein Bildindex (Zahlen ab 0 verwenden, durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>Enter at least one image index.</source>
        <translation>Mindestens einen Bildindex eingeben.</translation>
    </message>
    <message>
        <source>Computing attention maps…</source>
        <translation>Berechne Aufmerksamkeitskarten…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Could not compute the maps: %1</source>
        <translation>Die Karten konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>random init</source>
        <translation>zufällige Init.</translation>
    </message>
    <message>
        <source>epoch %1, step %2</source>
        <translation>Epoche %1, Schritt %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) of the %1 split; block %2 of %3, %4 heads; %5.</source>
        <translation>
            <numerusform>%n Bild des Splits %1; Block %2 von %3, %4 Köpfe; %5.</numerusform>
            <numerusform>%n Bilder des Splits %1; Block %2 von %3, %4 Köpfe; %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export attention figure</source>
        <translation>Aufmerksamkeitsabbildung exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Shared colour scale</source>
        <translation>Gemeinsame Farbskala</translation>
    </message>
    <message>
        <source>One colour scale for every map, so that a near-uniform map (random init) looks flat. Off: each map scaled to its own range, as the official script does</source>
        <translation>Eine Farbskala für alle Karten, damit eine fast gleichverteilte Karte (zufällige Init.) flach aussieht. Aus: jede Karte auf ihren eigenen Bereich skaliert, wie im offiziellen Skript</translation>
    </message>
    <message>
        <source>Mask keeps</source>
        <translation>Maske behält</translation>
    </message>
    <message>
        <source>The share of the attention the threshold mask keeps, largest patches first</source>
        <translation>Der Anteil der Aufmerksamkeit, den die Schwellenmaske behält, größte Patches zuerst</translation>
    </message>
</context>
<context>
    <name>dino::ui::ChartControls</name>
    <message>
        <source>Exponential moving-average weight of the smoothed curves (0: no smoothing)</source>
        <translation>Gewicht des exponentiellen gleitenden Mittels der geglätteten Kurven (0: keine Glättung)</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>log. Skala</translation>
    </message>
    <message>
        <source>Logarithmic value axis</source>
        <translation>Logarithmische Werteachse</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
</context>
<context>
    <name>dino::ui::ComparisonPanel</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>The x axis of every chart: the step, the epoch (fractional), or the training time since the run started (metrics.csv&apos;s elapsed_seconds)</source>
        <translation>Die x-Achse aller Diagramme: der Schritt, die Epoche (mit Bruchteil) oder die Trainingszeit seit dem Start des Laufs (elapsed_seconds aus metrics.csv)</translation>
    </message>
    <message>
        <source>weighted k-NN</source>
        <translation>gewichtetes k-NN</translation>
    </message>
    <message>
        <source>1-NN</source>
        <translation>1-NN</translation>
    </message>
    <message>
        <source>Which live k-NN accuracy the k-NN chart shows (knn.csv)</source>
        <translation>Welche Live-k-NN-Genauigkeit das k-NN-Diagramm zeigt (knn.csv)</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>x-Achse</translation>
    </message>
    <message>
        <source>Live k-NN</source>
        <translation>Live-k-NN</translation>
    </message>
    <message>
        <source>DINO loss</source>
        <translation>DINO-Verlust</translation>
    </message>
    <message>
        <source>Live k-NN accuracy</source>
        <translation>Live-k-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>Teacher-Temperatur</translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation>EMA-Momentum</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>The DINO loss of each run: faint the raw steps, strong the smoothed curve; a seed group draws its mean with a band of ±1 standard deviation.</source>
        <translation>Der DINO-Verlust jedes Laufs: blass die einzelnen Schritte, kräftig die geglättete Kurve; eine Seed-Gruppe zeigt ihren Mittelwert mit einem Band von ±1 Standardabweichung.</translation>
    </message>
    <message>
        <source>The live k-NN accuracy of each run&apos;s teacher (eval.knn_every_steps); dashed in the same colour, the same classifier on the run&apos;s random-initialised model.</source>
        <translation>Die Live-k-NN-Genauigkeit des Lehrers jedes Laufs (eval.knn_every_steps); gestrichelt in derselben Farbe derselbe Klassifikator auf dem zufällig initialisierten Modell des Laufs.</translation>
    </message>
    <message>
        <source>wall time (h:mm:ss)</source>
        <translation>Laufzeit (h:mm:ss)</translation>
    </message>
    <message>
        <source>Reading %1 runs…</source>
        <translation>Lese %1 Läufe…</translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <translation>%1 (n = %2)</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>aufgezeichnet</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>roh</translation>
    </message>
    <message>
        <source>random init</source>
        <translation>zufällige Init.</translation>
    </message>
    <message>
        <source>raw mean</source>
        <translation>Mittel roh</translation>
    </message>
    <message>
        <source>%1 mean</source>
        <translation>%1 Mittel</translation>
    </message>
    <message>
        <source>random init mean</source>
        <translation>zufällige Init. Mittel</translation>
    </message>
    <message>
        <source>%1 · mean + sd</source>
        <translation>%1 · Mittel + SD</translation>
    </message>
    <message>
        <source>%1 · mean − sd</source>
        <translation>%1 · Mittel − SD</translation>
    </message>
    <message>
        <source>%1 · raw</source>
        <translation>%1 · roh</translation>
    </message>
    <message>
        <source>%1 · random init</source>
        <translation>%1 · zufällige Init.</translation>
    </message>
    <message>
        <source>Select runs in the table to compare them.</source>
        <translation>Läufe in der Tabelle auswählen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Runs: %1 · seed groups: %2 (mean ± 1 sd)</source>
        <translation>Läufe: %1 · Seed-Gruppen: %2 (Mittel ± 1 SD)</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>Läufe: %1</translation>
    </message>
    <message>
        <source>could not read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Seed groups: %1 (mean ± 1 sd)</source>
        <translation>Seed-Gruppen: %1 (Mittel ± 1 SD)</translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigColumn</name>
    <message>
        <source>Custom configuration</source>
        <translation>Eigene Konfiguration</translation>
    </message>
    <message>
        <source>The preset the configuration comes from; choosing one replaces the whole configuration</source>
        <translation>Die Vorlage, aus der die Konfiguration stammt; eine Auswahl ersetzt die ganze Konfiguration</translation>
    </message>
    <message>
        <source>The run trains with the configuration it started with; the form is locked until it stops.</source>
        <translation>Der Lauf trainiert mit der Konfiguration, mit der er gestartet wurde; das Formular ist gesperrt, bis er anhält.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the configuration. First: %1</source>
        <translation>
            <numerusform>%n Problem in der Konfiguration: %1</numerusform>
            <numerusform>%n Probleme in der Konfiguration. Erstes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>From run %1</source>
        <translation>Aus Lauf %1</translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigDiffPanel</name>
    <message>
        <source>Differences only</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <source>Show only the fields whose values are not the same in every selected run</source>
        <translation>Nur die Felder zeigen, deren Werte nicht in allen ausgewählten Läufen gleich sind</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>Als CSV kopieren</translation>
    </message>
    <message>
        <source>Copy the table to the clipboard as CSV (one column per run)</source>
        <translation>Die Tabelle als CSV in die Zwischenablage kopieren (eine Spalte je Lauf)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export configuration diff</source>
        <translation>Konfigurationsvergleich exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Select runs in the table to compare their configurations.</source>
        <translation>Läufe in der Tabelle auswählen, um ihre Konfigurationen zu vergleichen.</translation>
    </message>
    <message>
        <source>One run selected: select more to see what differs.</source>
        <translation>Ein Lauf ausgewählt: weitere auswählen, um die Unterschiede zu sehen.</translation>
    </message>
    <message>
        <source>The %1 selected runs have the same configuration.</source>
        <translation>Die %1 ausgewählten Läufe haben dieselbe Konfiguration.</translation>
    </message>
    <message>
        <source>Fields that differ between the %1 runs: %2 of %3.</source>
        <translation>Felder, die sich zwischen den %1 Läufen unterscheiden: %2 von %3.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigDocument</name>
    <message>
        <source>Seed preset</source>
        <translation>Vorlage Seed</translation>
    </message>
    <message>
        <source>Seed (15 epochs, batch 256 — a GPU job)</source>
        <translation>Seed (15 Epochen, Batch 256 — ein GPU-Job)</translation>
    </message>
    <message>
        <source>Quick CPU demo preset</source>
        <translation>Vorlage Schnelle CPU-Demo</translation>
    </message>
    <message>
        <source>Quick CPU demo (a few minutes on the sample data)</source>
        <translation>Schnelle CPU-Demo (wenige Minuten auf der Stichprobe)</translation>
    </message>
    <message>
        <source>Unsaved configuration</source>
        <translation>Ungespeicherte Konfiguration</translation>
    </message>
    <message>
        <source>CPU hour preset</source>
        <translation>CPU-Stunden-Preset</translation>
    </message>
    <message>
        <source>CPU hour (3 epochs of the full PathMNIST, about an hour on 2 cores; set your own data set)</source>
        <translation>CPU-Stunde (3 Epochen des vollständigen PathMNIST, etwa eine Stunde auf 2 Kernen; eigenen Datensatz einstellen)</translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigFields</name>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Views and augmentation</source>
        <translation>Ansichten und Augmentierung</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Training split</source>
        <translation>Trainings-Split</translation>
    </message>
    <message>
        <source>Use first N images (0 = all)</source>
        <translation>Nur die ersten N Bilder (0 = alle)</translation>
    </message>
    <message>
        <source>Image size (px)</source>
        <translation>Bildgröße (px)</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <source>Global views</source>
        <translation>Globale Ansichten</translation>
    </message>
    <message>
        <source>Local views</source>
        <translation>Lokale Ansichten</translation>
    </message>
    <message>
        <source>Local view size (0 = image)</source>
        <translation>Größe lokaler Ansichten (0 = Bild)</translation>
    </message>
    <message>
        <source>Local crop scale min</source>
        <translation>Lokaler Ausschnitt, Fläche min</translation>
    </message>
    <message>
        <source>Local crop scale max</source>
        <translation>Lokaler Ausschnitt, Fläche max</translation>
    </message>
    <message>
        <source>Crop aspect ratio min</source>
        <translation>Seitenverhältnis min</translation>
    </message>
    <message>
        <source>Crop aspect ratio max</source>
        <translation>Seitenverhältnis max</translation>
    </message>
    <message>
        <source>Horizontal flip p</source>
        <translation>Horizontal spiegeln p</translation>
    </message>
    <message>
        <source>Vertical flip p</source>
        <translation>Vertikal spiegeln p</translation>
    </message>
    <message>
        <source>Colour jitter p</source>
        <translation>Farbvariation p</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Helligkeit</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <source>Hue</source>
        <translation>Farbton</translation>
    </message>
    <message>
        <source>Blur kernel (px)</source>
        <translation>Weichzeichner-Kern (px)</translation>
    </message>
    <message>
        <source>Blur sigma min</source>
        <translation>Weichzeichner Sigma min</translation>
    </message>
    <message>
        <source>Blur sigma max</source>
        <translation>Weichzeichner Sigma max</translation>
    </message>
    <message>
        <source>Blur p, Global 1</source>
        <translation>Weichzeichnen p, Global 1</translation>
    </message>
    <message>
        <source>Blur p, Global 2</source>
        <translation>Weichzeichnen p, Global 2</translation>
    </message>
    <message>
        <source>Blur p, local</source>
        <translation>Weichzeichnen p, lokal</translation>
    </message>
    <message>
        <source>Solarise p (Global 2)</source>
        <translation>Solarisation p (Global 2)</translation>
    </message>
    <message>
        <source>Solarise threshold</source>
        <translation>Solarisationsschwelle</translation>
    </message>
    <message>
        <source>Normalisation mean</source>
        <translation>Normierung Mittelwert</translation>
    </message>
    <message>
        <source>Normalisation std</source>
        <translation>Normierung Standardabw.</translation>
    </message>
    <message>
        <source>Patch size (px)</source>
        <translation>Patch-Größe (px)</translation>
    </message>
    <message>
        <source>Embedding width</source>
        <translation>Einbettungsbreite</translation>
    </message>
    <message>
        <source>Transformer blocks</source>
        <translation>Transformer-Blöcke</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <source>MLP ratio</source>
        <translation>MLP-Verhältnis</translation>
    </message>
    <message>
        <source>Pseudo-labels (out_dim)</source>
        <translation>Pseudo-Labels (out_dim)</translation>
    </message>
    <message>
        <source>Head layers</source>
        <translation>Kopf-Schichten</translation>
    </message>
    <message>
        <source>Head hidden width (0 = auto)</source>
        <translation>Kopf, verdeckte Breite (0 = auto)</translation>
    </message>
    <message>
        <source>Head bottleneck (0 = auto)</source>
        <translation>Kopf-Engpass (0 = auto)</translation>
    </message>
    <message>
        <source>Initial weights (.safetensors)</source>
        <translation>Startgewichte (.safetensors)</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch-Größe</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Max steps per epoch (0 = all)</source>
        <translation>Max. Schritte pro Epoche (0 = alle)</translation>
    </message>
    <message>
        <source>Student temperature</source>
        <translation>Student-Temperatur</translation>
    </message>
    <message>
        <source>Centre momentum</source>
        <translation>Zentrierungs-Momentum</translation>
    </message>
    <message>
        <source>Gradient clip (0 = off)</source>
        <translation>Gradienten-Clipping (0 = aus)</translation>
    </message>
    <message>
        <source>Freeze last layer (epochs)</source>
        <translation>Letzte Schicht einfrieren (Epochen)</translation>
    </message>
    <message>
        <source>No weight decay on biases/norms</source>
        <translation>Kein Weight Decay auf Bias/Norm</translation>
    </message>
    <message>
        <source>Learning rate (peak)</source>
        <translation>Lernrate (Spitze)</translation>
    </message>
    <message>
        <source>Learning rate (final)</source>
        <translation>Lernrate (Ende)</translation>
    </message>
    <message>
        <source>LR warmup fraction</source>
        <translation>Anteil Lernraten-Aufwärmphase</translation>
    </message>
    <message>
        <source>Weight decay (start)</source>
        <translation>Weight Decay (Start)</translation>
    </message>
    <message>
        <source>Weight decay (final)</source>
        <translation>Weight Decay (Ende)</translation>
    </message>
    <message>
        <source>Teacher temperature (start)</source>
        <translation>Teacher-Temperatur (Start)</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>Teacher-Temperatur</translation>
    </message>
    <message>
        <source>Teacher temp. warmup fraction</source>
        <translation>Anteil Aufwärmphase Teacher-Temp.</translation>
    </message>
    <message>
        <source>EMA momentum (start)</source>
        <translation>EMA-Momentum (Start)</translation>
    </message>
    <message>
        <source>EMA momentum (final)</source>
        <translation>EMA-Momentum (Ende)</translation>
    </message>
    <message>
        <source>k (neighbours)</source>
        <translation>k (Nachbarn)</translation>
    </message>
    <message>
        <source>k-NN temperature</source>
        <translation>k-NN-Temperatur</translation>
    </message>
    <message>
        <source>Evaluate every N epochs (0 = end)</source>
        <translation>Alle N Epochen auswerten (0 = am Ende)</translation>
    </message>
    <message>
        <source>Evaluate when training ends</source>
        <translation>Am Trainingsende auswerten</translation>
    </message>
    <message>
        <source>Memory bank split</source>
        <translation>Split der Merkmalsbank</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>Test-Split</translation>
    </message>
    <message>
        <source>Feature batch size</source>
        <translation>Batch-Größe für Merkmale</translation>
    </message>
    <message>
        <source>CPU threads (0 = all cores)</source>
        <translation>CPU-Threads (0 = alle Kerne)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Zufalls-Seed</translation>
    </message>
    <message>
        <source>Augmentation threads</source>
        <translation>Augmentierungs-Threads</translation>
    </message>
    <message>
        <source>Prefetched batches</source>
        <translation>Vorab geladene Batches</translation>
    </message>
    <message>
        <source>Global crop scale min</source>
        <translation>Globaler Ausschnitt, Skala min</translation>
    </message>
    <message>
        <source>Global crop scale max</source>
        <translation>Globaler Ausschnitt, Skala max</translation>
    </message>
    <message>
        <source>Freeze last layer (steps)</source>
        <translation>Letzte Schicht einfrieren (Schritte)</translation>
    </message>
    <message>
        <source>Teacher centring</source>
        <translation>Zentrierung des Teachers</translation>
    </message>
    <message>
        <source>Sinkhorn-Knopp iterations</source>
        <translation>Sinkhorn-Knopp-Iterationen</translation>
    </message>
    <message>
        <source>KoLeo weight</source>
        <translation>KoLeo-Gewicht</translation>
    </message>
    <message>
        <source>Live k-NN every N steps (0 = off)</source>
        <translation>Live-k-NN alle N Schritte (0 = aus)</translation>
    </message>
    <message>
        <source>Live k-NN split</source>
        <translation>Live-k-NN-Split</translation>
    </message>
    <message>
        <source>Live k-NN images per split</source>
        <translation>Live-k-NN-Bilder je Split</translation>
    </message>
    <message>
        <source>Epoch checkpoints kept (-1 = all)</source>
        <translation>Behaltene Epochen-Checkpoints (-1 = alle)</translation>
    </message>
    <message>
        <source>Also keep every K-th epoch (0 = none)</source>
        <translation>Außerdem jede K-te Epoche behalten (0 = keine)</translation>
    </message>
    <message>
        <source>Epoch checkpoint contents</source>
        <translation>Inhalt der Epochen-Checkpoints</translation>
    </message>
    <message>
        <source>Processes (data parallel)</source>
        <translation>Prozesse (datenparallel)</translation>
    </message>
    <message>
        <source>Process communication</source>
        <translation>Prozesskommunikation</translation>
    </message>
    <message>
        <source>Process timeout (s)</source>
        <translation>Prozess-Zeitlimit (s)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Linear probe</source>
        <translation>Linear Probe</translation>
    </message>
    <message>
        <source>Probe: last blocks</source>
        <translation>Probe: letzte Blöcke</translation>
    </message>
    <message>
        <source>Probe epochs</source>
        <translation>Probe-Epochen</translation>
    </message>
    <message>
        <source>Probe batch size</source>
        <translation>Probe-Batchgröße</translation>
    </message>
    <message>
        <source>Probe learning rates</source>
        <translation>Probe-Lernraten</translation>
    </message>
    <message>
        <source>Probe weight decays</source>
        <translation>Probe-Weight-Decays</translation>
    </message>
    <message>
        <source>Probe selection split</source>
        <translation>Probe-Auswahl-Split</translation>
    </message>
    <message>
        <source>Quarter-turn rotation p</source>
        <translation>Vierteldrehung p</translation>
    </message>
    <message>
        <source>H&amp;E stain jitter p</source>
        <translation>H&amp;E-Färbungsvariation p</translation>
    </message>
    <message>
        <source>Stain scale</source>
        <translation>Färbung: Skalierung</translation>
    </message>
    <message>
        <source>Stain shift</source>
        <translation>Färbung: Verschiebung</translation>
    </message>
    <message>
        <source>iBOT: separate patch head</source>
        <translation>iBOT: eigener Patch-Kopf</translation>
    </message>
    <message>
        <source>iBOT weight</source>
        <translation>iBOT-Gewicht</translation>
    </message>
    <message>
        <source>iBOT mask ratio min</source>
        <translation>iBOT-Maskenanteil min.</translation>
    </message>
    <message>
        <source>iBOT mask ratio max</source>
        <translation>iBOT-Maskenanteil max.</translation>
    </message>
    <message>
        <source>iBOT masked views</source>
        <translation>iBOT: maskierte Ansichten</translation>
    </message>
    <message>
        <source>Stochastic depth (drop path)</source>
        <translation>Stochastische Tiefe (Drop Path)</translation>
    </message>
    <message>
        <source>Head: prototypes of length 1</source>
        <translation>Kopf: Prototypen der Länge 1</translation>
    </message>
</context>
<context>
    <name>dino::ui::ConfigForm</name>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>Choose weights</source>
        <translation>Gewichte wählen</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors);;All files (*)</source>
        <translation>safetensors (*.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>expected a number, e.g. 0.5 or 5e-4</source>
        <translation>Zahl erwartet, z. B. 0.5 oder 5e-4</translation>
    </message>
    <message>
        <source>expected a non-negative integer</source>
        <translation>nicht-negative ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>expected three comma-separated numbers, or empty for automatic</source>
        <translation>drei durch Kommas getrennte Zahlen erwartet, oder leer für automatisch</translation>
    </message>
    <message>
        <source>must be &lt;= the %1 training images (got %2)</source>
        <translation>muss &lt;= den %1 Trainingsbildern sein (ist %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n problem(s)</source>
        <translation>
            <numerusform>%1 — %n Problem</numerusform>
            <numerusform>%1 — %n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>must be &lt;= %1 (%2) (got %3)</source>
        <translation>muss &lt;= %1 (%2) sein (ist %3)</translation>
    </message>
    <message>
        <source>expected comma-separated numbers</source>
        <translation>kommagetrennte Zahlen erwartet</translation>
    </message>
</context>
<context>
    <name>dino::ui::DatasetPicker</name>
    <message>
        <source>Bundled PathMNIST sample (1,294 images)</source>
        <translation>Mitgelieferte PathMNIST-Stichprobe (1.294 Bilder)</translation>
    </message>
    <message>
        <source>Downloaded MedMNIST dataset</source>
        <translation>Heruntergeladener MedMNIST-Datensatz</translation>
    </message>
    <message>
        <source>Local MedMNIST .npz file</source>
        <translation>Lokale MedMNIST-.npz-Datei</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>path/to/dataset.npz</source>
        <translation>pfad/zu/datensatz.npz</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Open MedMNIST .npz</source>
        <translation>MedMNIST-.npz öffnen</translation>
    </message>
    <message>
        <source>NumPy archives (*.npz);;All files (*)</source>
        <translation>NumPy-Archive (*.npz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Download again…</source>
        <translation>Erneut herunterladen…</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>Lese %1 …</translation>
    </message>
    <message>
        <source>%1 — %2 px, %3 classes; %4</source>
        <translation>%1 — %2 px, %3 Klassen; %4</translation>
    </message>
    <message>
        <source>Downloading %1 (%2 px) and checking its MD5 …</source>
        <translation>Lade %1 (%2 px) herunter und prüfe die MD5-Summe …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Download MedMNIST</source>
        <translation>MedMNIST herunterladen</translation>
    </message>
    <message>
        <source>Downloaded %1 of %2 MB</source>
        <translation>%1 von %2 MB heruntergeladen</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>Download fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 (%2 px) is not downloaded yet: press Download… to fetch it into %3 (MD5-checked).</source>
        <translation>%1 (%2 px) ist noch nicht heruntergeladen: „Herunterladen…“ lädt es nach %3 (MD5-geprüft).</translation>
    </message>
    <message>
        <source>%1 — %2 px; %3</source>
        <translation>%1 — %2 px; %3</translation>
    </message>
</context>
<context>
    <name>dino::ui::EmbeddingMapPanel</name>
    <message>
        <source>Compute map</source>
        <translation>Karte berechnen</translation>
    </message>
    <message>
        <source>Features of every image of the split and of the memory bank, then PCA to 2-D</source>
        <translation>Merkmale aller Bilder des Splits und der Memory Bank, dann PCA auf 2-D</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open or train a run, then press Compute map.</source>
        <translation>Einen Lauf öffnen oder trainieren, dann „Karte berechnen“ drücken.</translation>
    </message>
    <message>
        <source>Select area</source>
        <translation>Bereich wählen</translation>
    </message>
    <message>
        <source>Drag a rectangle to see the images inside it (off: drag pans, the wheel zooms)</source>
        <translation>Ein Rechteck ziehen, um die Bilder darin zu sehen (aus: Ziehen verschiebt, das Mausrad zoomt)</translation>
    </message>
    <message>
        <source>Export plot…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Embedding map (PCA of the features)</source>
        <translation>Embedding-Karte (PCA der Merkmale)</translation>
    </message>
    <message>
        <source>Click a point to see its image and its nearest neighbours.</source>
        <translation>Einen Punkt anklicken, um sein Bild und seine nächsten Nachbarn zu sehen.</translation>
    </message>
    <message>
        <source>#%1 %2 (click for its neighbours)</source>
        <translation>#%1 %2 (klicken für die Nachbarn)</translation>
    </message>
    <message>
        <source>Export map coordinates</source>
        <translation>Kartenkoordinaten exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Folder for the Projector files</source>
        <translation>Ordner für die Projector-Dateien</translation>
    </message>
    <message>
        <source>Wrote the Projector files to %1.</source>
        <translation>Projector-Dateien nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Computing features…</source>
        <translation>Berechne Merkmale…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Could not compute the map: %1</source>
        <translation>Die Karte konnte nicht berechnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n image(s) of the %2 split, %3-dimensional features; PC1 and PC2 explain %4 % and %5 % of the variance.</source>
        <translation>
            <numerusform>%1: %n Bild des Splits %2, %3-dimensionale Merkmale; PC1 und PC2 erklären %4 % und %5 % der Varianz.</numerusform>
            <numerusform>%1: %n Bilder des Splits %2, %3-dimensionale Merkmale; PC1 und PC2 erklären %4 % und %5 % der Varianz.</numerusform>
        </translation>
    </message>
    <message>
        <source>PC1 (%1 % of the variance)</source>
        <translation>PC1 (%1 % der Varianz)</translation>
    </message>
    <message>
        <source>PC2 (%1 % of the variance)</source>
        <translation>PC2 (%1 % der Varianz)</translation>
    </message>
    <message>
        <source>Embedding map of the %1 split: %2</source>
        <translation>Embedding-Karte des Splits %1: %2</translation>
    </message>
    <message>
        <source>The %1 nearest neighbours in the memory bank (%2 split), most similar first: the images the weighted k-NN votes with.</source>
        <translation>Die %1 nächsten Nachbarn in der Memory Bank (Split %2), ähnlichste zuerst: die Bilder, mit denen das gewichtete k-NN abstimmt.</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 image #%2, %3, cosine similarity %4</source>
        <translation>%1-Bild #%2, %3, Kosinus-Ähnlichkeit %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in the selection</source>
        <translation>
            <numerusform>%n Bild in der Auswahl</numerusform>
            <numerusform>%n Bilder in der Auswahl</numerusform>
        </translation>
    </message>
    <message>
        <source>The images inside the rectangle (%1 split). Click a point to see its neighbours.</source>
        <translation>Die Bilder im Rechteck (Split %1). Einen Punkt anklicken, um seine Nachbarn zu sehen.</translation>
    </message>
    <message>
        <source>#%1
%2</source>
        <translation>#%1
%2</translation>
    </message>
    <message>
        <source>Nothing to export: compute the map first.</source>
        <translation>Nichts zu exportieren: zuerst die Karte berechnen.</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>PCA: exact and deterministic, axes and distances mean something. t-SNE (exact, from the PCA layout): shows neighbourhoods and clusters better; distances between clusters mean little. O(N²): minutes for thousands of images.</source>
        <translation>PCA: exakt und deterministisch, Achsen und Abstände haben eine Bedeutung. t-SNE (exakt, ab der PCA-Anordnung): zeigt Nachbarschaften und Cluster besser; Abstände zwischen Clustern bedeuten wenig. O(N²): Minuten für Tausende von Bildern.</translation>
    </message>
    <message>
        <source>perplexity </source>
        <translation>Perplexität </translation>
    </message>
    <message>
        <source>t-SNE&apos;s effective number of neighbours (at most a third of the images)</source>
        <translation>Effektive Zahl der Nachbarn für t-SNE (höchstens ein Drittel der Bilder)</translation>
    </message>
    <message>
        <source>t-SNE: perplexity %1, KL(P‖Q) = %2.</source>
        <translation>t-SNE: Perplexität %1, KL(P‖Q) = %2.</translation>
    </message>
    <message>
        <source>t-SNE 1</source>
        <translation>t-SNE 1</translation>
    </message>
    <message>
        <source>t-SNE 2</source>
        <translation>t-SNE 2</translation>
    </message>
    <message>
        <source>t-SNE map of the %1 split: %2</source>
        <translation>t-SNE-Karte des Splits %1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;#%1&lt;/b&gt; of the %2 split&lt;br&gt;label: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;weighted %4-NN vote: &lt;span style=&apos;color:%5&apos;&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/span&gt;&lt;br&gt;map position (%7, %8)</source>
        <translation>&lt;b&gt;#%1&lt;/b&gt; des Splits %2&lt;br&gt;Label: &lt;b&gt;%3&lt;/b&gt;&lt;br&gt;Stimme des gewichteten %4-NN: &lt;span style=&apos;color:%5&apos;&gt;&lt;b&gt;%6&lt;/b&gt;&lt;/span&gt;&lt;br&gt;Position auf der Karte (%7, %8)</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export the coordinates as CSV: index,split,label,x,y</source>
        <translation>Die Koordinaten als CSV exportieren: index,split,label,x,y</translation>
    </message>
    <message>
        <source>Projector…</source>
        <translation>Projector…</translation>
    </message>
    <message>
        <source>Export for the TensorBoard Projector: tensors.tsv, metadata.tsv, sprite.png and projector_config.pbtxt in a folder</source>
        <translation>Für den TensorBoard Projector exportieren: tensors.tsv, metadata.tsv, sprite.png und projector_config.pbtxt in einem Ordner</translation>
    </message>
</context>
<context>
    <name>dino::ui::EvaluationPanel</name>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>k-NN evaluation of the run&apos;s last checkpoint and of a random-init baseline</source>
        <translation>k-NN-Auswertung des letzten Checkpoints und einer zufällig initialisierten Vergleichsbasis</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open or train a run, then press Evaluate.</source>
        <translation>Einen Lauf öffnen oder trainieren, dann „Auswerten“ drücken.</translation>
    </message>
    <message>
        <source>DINO teacher</source>
        <translation>DINO-Teacher</translation>
    </message>
    <message>
        <source>Random init</source>
        <translation>Zufällige Init.</translation>
    </message>
    <message>
        <source>1-NN accuracy</source>
        <translation>1-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy</source>
        <translation>Gewichtete k-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>AUC (macro, one-vs-rest)</source>
        <translation>AUC (Makro, one-vs-rest)</translation>
    </message>
    <message>
        <source>DINO vs random init</source>
        <translation>DINO vs. zufällige Init.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>DINO k-NN</source>
        <translation>DINO k-NN</translation>
    </message>
    <message>
        <source>Confusion matrix (weighted k-NN, DINO teacher)</source>
        <translation>Konfusionsmatrix (gewichtetes k-NN, DINO-Teacher)</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <source>Normalise rows (recall per class)</source>
        <translation>Zeilen normieren (Recall pro Klasse)</translation>
    </message>
    <message>
        <source>Open or train a run first</source>
        <translation>Zuerst einen Lauf öffnen oder trainieren</translation>
    </message>
    <message>
        <source>Wait until training has finished or stop it</source>
        <translation>Warten, bis das Training fertig ist, oder es stoppen</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Auswertung abgebrochen.</translation>
    </message>
    <message>
        <source>Evaluation failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 / %2 images</source>
        <translation>%1 / %2 Bilder</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>Noch nicht ausgewertet.</translation>
    </message>
    <message>
        <source>1-NN</source>
        <translation>1-NN</translation>
    </message>
    <message>
        <source>weighted k-NN</source>
        <translation>gewichtetes k-NN</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>random init</source>
        <translation>zufällige Init.</translation>
    </message>
    <message>
        <source>fraction of the true class</source>
        <translation>Anteil der wahren Klasse</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>not evaluated</source>
        <translation>nicht ausgewertet</translation>
    </message>
    <message>
        <source>evaluated</source>
        <translation>ausgewertet</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>Test-Split</translation>
    </message>
    <message>
        <source>val split</source>
        <translation>Val-Split</translation>
    </message>
    <message>
        <source>The images the k-NN classifier is measured on (the memory bank is the training split). Keep the test split for the figure you report; compare settings on val.</source>
        <translation>Die Bilder, auf denen der k-NN-Klassifikator gemessen wird (die Speicherbank ist der Trainings-Split). Den Test-Split für die berichtete Zahl aufheben; Einstellungen auf val vergleichen.</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Klassifizieren</translation>
    </message>
    <message>
        <source>Accuracy on the split&apos;s images, with its 95 % Wilson score interval in brackets: the range that holds the accuracy on unlimited images of the same kind 95 times in 100. AUC has no interval here.</source>
        <translation>Genauigkeit auf den Bildern des Splits, in Klammern ihr 95-%-Wilson-Score-Intervall: der Bereich, der die Genauigkeit auf unbegrenzt vielen gleichartigen Bildern 95-mal von 100 enthält. Die AUC hat hier kein Intervall.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message numerus="yes">
        <source>true %1, predicted %2: %n image(s)</source>
        <translation>
            <numerusform>wahr %1, vorhergesagt %2: %n Bild</numerusform>
            <numerusform>wahr %1, vorhergesagt %2: %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 split</source>
        <translation>%1-Split</translation>
    </message>
    <message>
        <source>Not evaluated on the %1 split yet: press Evaluate.</source>
        <translation>Auf dem %1-Split noch nicht ausgewertet: „Auswerten“ drücken.</translation>
    </message>
    <message>
        <source>Computing features of the teacher and of a random-init model on the %1 split…</source>
        <translation>Merkmale des Teachers und eines zufällig initialisierten Modells auf dem %1-Split werden berechnet…</translation>
    </message>
    <message>
        <source>1-NN accuracy
%1, n = %2</source>
        <translation>1-NN-Genauigkeit
%1, n = %2</translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy
%1, n = %2</source>
        <translation>Gewichtete k-NN-Genauigkeit
%1, n = %2</translation>
    </message>
    <message>
        <source>AUC (macro, one-vs-rest)
%1, n = %2</source>
        <translation>AUC (makro, one-vs-rest)
%1, n = %2</translation>
    </message>
    <message>
        <source>%1 %2 against %3</source>
        <translation>%1 %2 gegenüber %3</translation>
    </message>
    <message>
        <source>Below the random-init model (%1)</source>
        <translation>Unter dem zufällig initialisierten Modell (%1)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The teacher is below its random init&lt;/b&gt; on %1: training made the features worse for k-NN. Usual causes are a learning rate too high for the batch or a collapse (see the collapse indicators on the Training tab).</source>
        <translation>&lt;b&gt;Der Teacher liegt unter seiner zufälligen Initialisierung&lt;/b&gt; bei %1: Das Training hat die Merkmale für k-NN verschlechtert. Übliche Ursachen sind eine für die Batchgröße zu hohe Lernrate oder ein Kollaps (siehe die Kollapsindikatoren im Reiter „Training“).</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>The 95 % intervals overlap: on %1 images the gap may be chance.</source>
        <translation>Die 95-%-Intervalle überlappen: Bei %1 Bildern kann der Abstand Zufall sein.</translation>
    </message>
    <message>
        <source>Checkpoint of epoch %1 (step %2). k-NN on the %3 split: %4 images classified against a memory bank of %5 %6 images; k = %7, T = %8. In brackets: 95 % Wilson score intervals.</source>
        <translation>Checkpoint der Epoche %1 (Schritt %2). k-NN auf dem %3-Split: %4 Bilder gegen eine Speicherbank aus %5 %6-Bildern klassifiziert; k = %7, T = %8. In Klammern: 95-%-Wilson-Score-Intervalle.</translation>
    </message>
    <message>
        <source>DINO vs random init (%1, n = %2)</source>
        <translation>DINO vs. zufällige Init. (%1, n = %2)</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1-Bilder</translation>
    </message>
    <message>
        <source>Linear probe accuracy</source>
        <translation>Linear-Probe-Genauigkeit</translation>
    </message>
    <message>
        <source>Probe: chosen lr / wd</source>
        <translation>Probe: gewählte lr / wd</translation>
    </message>
    <message>
        <source>k-NN evaluation and linear probe of the run&apos;s last checkpoint and of a random-init baseline</source>
        <translation>k-NN-Evaluation und Linear Probe des letzten Checkpoints des Laufs und einer zufällig initialisierten Baseline</translation>
    </message>
    <message>
        <source>Linear probe accuracy
%1, n = %2</source>
        <translation>Linear-Probe-Genauigkeit
%1, n = %2</translation>
    </message>
    <message numerus="yes">
        <source>Probe: chosen lr / wd
last %n block(s), %1 epochs</source>
        <translation>
            <numerusform>Probe: gewählte lr / wd
letzter %n Block, %1 Epochen</numerusform>
            <numerusform>Probe: gewählte lr / wd
letzte %n Blöcke, %1 Epochen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 heads (lr × wd) trained on %2 %3 images for %4 epochs in %5 s; the one with the best %6 accuracy is reported. Test macro AUC %7.</source>
        <translation>%1 Köpfe (lr × wd), trainiert auf %2 %3-Bildern über %4 Epochen in %5 s; berichtet wird der mit der besten %6-Genauigkeit. Makro-AUC auf Test %7.</translation>
    </message>
    <message>
        <source>The split on which the best head of the probe&apos;s grid is chosen (eval.probe_val_split)</source>
        <translation>Der Split, auf dem der beste Kopf des Probe-Rasters gewählt wird (eval.probe_val_split)</translation>
    </message>
    <message>
        <source>linear probe</source>
        <translation>Linear Probe</translation>
    </message>
    <message>
        <source>%1 (edge of the grid)</source>
        <translation>%1 (Rand des Rasters)</translation>
    </message>
    <message>
        <source>The best head has the largest learning rate of eval.probe_lrs: a larger one may do better, so this probe accuracy is a lower bound. Add larger values to eval.probe_lrs.</source>
        <translation>Der beste Kopf hat die größte Lernrate aus eval.probe_lrs: Eine größere könnte besser sein, diese Probe-Genauigkeit ist also eine untere Schranke. Größere Werte zu eval.probe_lrs hinzufügen.</translation>
    </message>
    <message>
        <source>The best head has the smallest learning rate of eval.probe_lrs: a smaller one may do better, so this probe accuracy is a lower bound. Add smaller values to eval.probe_lrs.</source>
        <translation>Der beste Kopf hat die kleinste Lernrate aus eval.probe_lrs: Eine kleinere könnte besser sein, diese Probe-Genauigkeit ist also eine untere Schranke. Kleinere Werte zu eval.probe_lrs hinzufügen.</translation>
    </message>
</context>
<context>
    <name>dino::ui::ExperimentsPanel</name>
    <message>
        <source>training</source>
        <translation>trainiert</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>kollabiert</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>The folders whose runs are listed: the runs folder, and folders you add</source>
        <translation>Die Ordner, deren Läufe gelistet werden: der Lauf-Ordner und von Ihnen hinzugefügte Ordner</translation>
    </message>
    <message>
        <source>%1 (the runs folder)</source>
        <translation>%1 (der Lauf-Ordner)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add a folder of runs</source>
        <translation>Einen Ordner mit Läufen hinzufügen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the runs again now (the table also follows them by itself)</source>
        <translation>Die Läufe jetzt neu lesen (die Tabelle folgt ihnen auch von selbst)</translation>
    </message>
    <message>
        <source>Filter: name, tag, sweep, lr=0.001 …</source>
        <translation>Filter: Name, Tag, Sweep, lr=0.001 …</translation>
    </message>
    <message>
        <source>Shows the runs whose name, tags, sweep, status or a setting (as key=value, e.g. optim.lr=0.001) contain every word typed</source>
        <translation>Zeigt die Läufe, deren Name, Tags, Sweep, Status oder eine Einstellung (als Schlüssel=Wert, z. B. optim.lr=0.001) jedes eingegebene Wort enthalten</translation>
    </message>
    <message>
        <source>Group seeds</source>
        <translation>Seeds gruppieren</translation>
    </message>
    <message>
        <source>One row per group of runs that differ only in system.seed: results as mean ± sample standard deviation, and n</source>
        <translation>Eine Zeile je Gruppe von Läufen, die sich nur in system.seed unterscheiden: Ergebnisse als Mittelwert ± Stichproben-Standardabweichung, und n</translation>
    </message>
    <message>
        <source>Show hidden</source>
        <translation>Ausgeblendete zeigen</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Alle Felder</translation>
    </message>
    <message>
        <source>Every configuration field as a column, not only those that differ between the runs shown</source>
        <translation>Jedes Konfigurationsfeld als Spalte, nicht nur die, die sich zwischen den gezeigten Läufen unterscheiden</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the run in the window (double-click does the same)</source>
        <translation>Den Lauf im Fenster öffnen (Doppelklick tut dasselbe)</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>Taggen…</translation>
    </message>
    <message>
        <source>Add or remove tags of the selected runs (kept in each run&apos;s tags.json)</source>
        <translation>Tags der gewählten Läufe hinzufügen oder entfernen (in der tags.json jedes Laufs gespeichert)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide the selected runs from the table (Show hidden brings them back)</source>
        <translation>Die gewählten Läufe in der Tabelle ausblenden („Ausgeblendete zeigen“ holt sie zurück)</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected run folders from disk (asks first)</source>
        <translation>Die Ordner der gewählten Läufe von der Platte löschen (fragt vorher)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Aufheben</translation>
    </message>
    <message>
        <source>no folder</source>
        <translation>kein Ordner</translation>
    </message>
    <message>
        <source>Status: all</source>
        <translation>Status: alle</translation>
    </message>
    <message>
        <source>Status: %1 of %2</source>
        <translation>Status: %1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 runs shown</source>
        <translation>%1 von %2 Läufen gezeigt</translation>
    </message>
    <message numerus="yes">
        <source> · %n training</source>
        <translation>
            <numerusform> · %n trainiert</numerusform>
            <numerusform> · %n trainieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filtered by %1: %n run(s) —</source>
        <translation>
            <numerusform>Gefiltert von %1: %n Lauf —</numerusform>
            <numerusform>Gefiltert von %1: %n Läufe —</numerusform>
        </translation>
    </message>
    <message>
        <source>a view</source>
        <translation>einer Ansicht</translation>
    </message>
    <message>
        <source>Unhide</source>
        <translation>Einblenden</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message numerus="yes">
        <source>Tags of %n run(s) changed</source>
        <translation>
            <numerusform>Tags von %n Lauf geändert</numerusform>
            <numerusform>Tags von %n Läufen geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) hidden</source>
        <translation>
            <numerusform>%n Lauf ausgeblendet</numerusform>
            <numerusform>%n Läufe ausgeblendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) shown again</source>
        <translation>
            <numerusform>%n Lauf wieder eingeblendet</numerusform>
            <numerusform>%n Läufe wieder eingeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is being trained by pid %2 on %3</source>
        <translation>%1 wird von PID %2 auf %3 trainiert</translation>
    </message>
    <message>
        <source>Not deleted: a run that trains cannot be deleted; stop it first.

%1</source>
        <translation>Nicht gelöscht: Ein Lauf, der trainiert, kann nicht gelöscht werden; stoppen Sie ihn zuerst.

%1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run folder(s) from disk, %1 in all? This cannot be undone.

%2</source>
        <translation>
            <numerusform>%n Lauf-Ordner von der Platte löschen, %1? Das kann nicht rückgängig gemacht werden.

%2</numerusform>
            <numerusform>%n Lauf-Ordner von der Platte löschen, insgesamt %1? Das kann nicht rückgängig gemacht werden.

%2</numerusform>
        </translation>
    </message>
    <message>
        <source>

Not deleted, because they train:
%1</source>
        <translation>

Nicht gelöscht, weil sie trainieren:
%1</translation>
    </message>
    <message>
        <source>Delete runs?</source>
        <translation>Läufe löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Nothing deleted</source>
        <translation>Nichts gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) deleted</source>
        <translation>
            <numerusform>%n Lauf gelöscht</numerusform>
            <numerusform>%n Läufe gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tags of %n run(s)</source>
        <translation>
            <numerusform>Tags von %n Lauf</numerusform>
            <numerusform>Tags von %n Läufen</numerusform>
        </translation>
    </message>
    <message>
        <source>new tags, comma-separated</source>
        <translation>neue Tags, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>The selected runs have no tags yet.</source>
        <translation>Die gewählten Läufe haben noch keine Tags.</translation>
    </message>
    <message>
        <source>Uncheck a tag to remove it from the selected runs:</source>
        <translation>Haken eines Tags entfernen, um ihn von den gewählten Läufen zu entfernen:</translation>
    </message>
    <message>
        <source>Add:</source>
        <translation>Hinzufügen:</translation>
    </message>
    <message>
        <source>Copy folder path</source>
        <translation>Ordnerpfad kopieren</translation>
    </message>
</context>
<context>
    <name>dino::ui::ExperimentsViews</name>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Configuration diff</source>
        <translation>Konfigurationsunterschiede</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <source>Paired by seed</source>
        <translation>Paarweise nach Seed</translation>
    </message>
</context>
<context>
    <name>dino::ui::FollowedRun</name>
    <message>
        <source>Another process started training %1; following it.</source>
        <translation>Ein anderer Prozess hat begonnen, %1 zu trainieren; er wird verfolgt.</translation>
    </message>
    <message>
        <source>Stopped following the run: %1</source>
        <translation>Verfolgung des Laufs beendet: %1</translation>
    </message>
    <message>
        <source>The process training %1 ended (status %2).</source>
        <translation>Der Prozess, der %1 trainiert, ist beendet (Status %2).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The other process ended: %1</source>
        <translation>Der andere Prozess ist beendet: %1</translation>
    </message>
    <message>
        <source>Cannot read the run folder: %1</source>
        <translation>Der Laufordner kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>dino::ui::HParamsPanel</name>
    <message>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>The result on the right-hand axis, and the lines&apos; colour</source>
        <translation>Das Ergebnis auf der rechten Achse und die Farbe der Linien</translation>
    </message>
    <message>
        <source>Clear brushes</source>
        <translation>Auswahl aufheben</translation>
    </message>
    <message>
        <source>Remove every axis&apos;s brush: the table shows all runs again</source>
        <translation>Die Auswahl auf allen Achsen entfernen: die Tabelle zeigt wieder alle Läufe</translation>
    </message>
    <message>
        <source>The lines&apos; colour: the result on viridis (dark low, yellow high); grey: no result</source>
        <translation>Die Farbe der Linien: das Ergebnis auf Viridis (dunkel niedrig, gelb hoch); grau: kein Ergebnis</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Parallel coordinates as PNG…</source>
        <translation>Parallele Koordinaten als PNG…</translation>
    </message>
    <message>
        <source>Parallel coordinates as SVG…</source>
        <translation>Parallele Koordinaten als SVG…</translation>
    </message>
    <message>
        <source>Parallel coordinates data as CSV…</source>
        <translation>Daten der parallelen Koordinaten als CSV…</translation>
    </message>
    <message>
        <source>Scatter chart…</source>
        <translation>Streudiagramm…</translation>
    </message>
    <message>
        <source>Parallel coordinates</source>
        <translation>Parallele Koordinaten</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <source>A numeric configuration field that differs between the runs, or a result</source>
        <translation>Ein numerisches Konfigurationsfeld, das sich zwischen den Läufen unterscheidet, oder ein Ergebnis</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <source>Field against result</source>
        <translation>Feld gegen Ergebnis</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Scatter</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <source> (n = %1)</source>
        <translation> (n = %1)</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>no run has this result yet</source>
        <translation>noch kein Lauf hat dieses Ergebnis</translation>
    </message>
    <message>
        <source>%1 (mean of %2 seeds)</source>
        <translation>%1 (Mittel über %2 Seeds)</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 gegen %2</translation>
    </message>
    <message>
        <source>%1 of %2 runs inside the brushes; the table shows only them.</source>
        <translation>%1 von %2 Läufen in der Auswahl; die Tabelle zeigt nur diese.</translation>
    </message>
    <message>
        <source>%1 runs. Drag along an axis to filter the table; double-click an axis to clear it.</source>
        <translation>%1 Läufe. Entlang einer Achse ziehen filtert die Tabelle; Doppelklick auf eine Achse hebt ihre Auswahl auf.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the parallel coordinates</source>
        <translation>Parallele Koordinaten exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>selected in the table</source>
        <translation>in der Tabelle ausgewählt</translation>
    </message>
    <message>
        <source>No runs.</source>
        <translation>Keine Läufe.</translation>
    </message>
    <message>
        <source>Fields that mattered…</source>
        <translation>Einflussreiche Felder…</translation>
    </message>
    <message>
        <source>Which fields mattered</source>
        <translation>Welche Felder zählten</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>Spannweite</translation>
    </message>
    <message>
        <source>Per field that differs: the mean result at each of its values (numbers with more than 5 values in thirds), over the runs or seed groups shown; the bar is the spread (max - min) of these means, as `dino sweep` reports it. Hover a bar for the means.</source>
        <translation>Je unterschiedlichem Feld: das mittlere Ergebnis bei jedem seiner Werte (Zahlen mit mehr als 5 Werten in Dritteln), über die gezeigten Läufe oder Seed-Gruppen; der Balken ist die Spannweite (max - min) dieser Mittel, wie `dino sweep` sie ausgibt. Über einem Balken stehen die Mittel im Tooltip.</translation>
    </message>
    <message>
        <source>Fields that mattered</source>
        <translation>Einflussreiche Felder</translation>
    </message>
    <message>
        <source>%1: mean %2 (n = %3)</source>
        <translation>%1: Mittel %2 (n = %3)</translation>
    </message>
    <message>
        <source>spread %1</source>
        <translation>Spannweite %1</translation>
    </message>
    <message>
        <source>spread of the mean %1 over the field&apos;s values</source>
        <translation>Spannweite der mittleren %1 über die Werte des Felds</translation>
    </message>
    <message>
        <source>Which fields mattered: needs two runs with the result and a field that differs</source>
        <translation>Welche Felder zählten: braucht zwei Läufe mit dem Ergebnis und ein Feld, das sich unterscheidet</translation>
    </message>
</context>
<context>
    <name>dino::ui::MainActions</name>
    <message>
        <source>&amp;Open run…</source>
        <translation>Lauf ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open configuration…</source>
        <translation>Konfiguration öffnen…</translation>
    </message>
    <message>
        <source>Open configuration JSON…</source>
        <translation>Konfigurations-JSON öffnen…</translation>
    </message>
    <message>
        <source>&amp;Save configuration…</source>
        <translation>Konfiguration &amp;speichern…</translation>
    </message>
    <message>
        <source>Save configuration JSON… (Ctrl+S)</source>
        <translation>Konfigurations-JSON speichern… (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Pause / resume</source>
        <translation>&amp;Pausieren / fortsetzen</translation>
    </message>
    <message>
        <source>S&amp;top…</source>
        <translation>S&amp;toppen…</translation>
    </message>
    <message>
        <source>&amp;Continue run from its checkpoint</source>
        <translation>Lauf ab Checkpoint &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Auswerten</translation>
    </message>
    <message>
        <source>Compute pseudo-&amp;labels</source>
        <translation>Pseudo-&amp;Labels berechnen</translation>
    </message>
    <message>
        <source>&amp;About DINO Studio</source>
        <translation>Ü&amp;ber DINO Studio</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes when DINO Studio starts again. Restart now?</source>
        <translation>Die Sprache ändert sich beim nächsten Start von DINO Studio. Jetzt neu starten?</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>New s&amp;weep…</source>
        <translation>Neuer S&amp;weep…</translation>
    </message>
    <message>
        <source>Train many configurations over seeds, stop the hopeless ones early and rank the rest (dino sweep)</source>
        <translation>Viele Konfigurationen über mehrere Seeds trainieren, aussichtslose früh stoppen und den Rest ordnen (dino sweep)</translation>
    </message>
    <message>
        <source>Resu&amp;me sweep…</source>
        <translation>Sweep fortset&amp;zen…</translation>
    </message>
    <message>
        <source>Continue a stopped or killed sweep without redoing its finished trials</source>
        <translation>Einen gestoppten oder abgebrochenen Sweep fortsetzen, ohne fertige Trials zu wiederholen</translation>
    </message>
</context>
<context>
    <name>dino::ui::MainWindow</name>
    <message>
        <source>Augmentation preview</source>
        <translation>Augmentierungs-Vorschau</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Pseudo-labels</source>
        <translation>Pseudo-Labels</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <source>Paused after the current step</source>
        <translation>Nach dem aktuellen Schritt pausiert</translation>
    </message>
    <message>
        <source>Stopped; the last checkpoint is kept. Continue it from the Runs tab.</source>
        <translation>Gestoppt; der letzte Checkpoint bleibt erhalten. Im Reiter „Läufe“ fortsetzen.</translation>
    </message>
    <message>
        <source>Training finished.</source>
        <translation>Training beendet.</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>Training gestoppt</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>Training beendet</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>Stop training, keep a checkpoint of the run and quit?

You can continue the run later from the Runs tab.</source>
        <translation>Training stoppen, einen Checkpoint des Laufs behalten und beenden?

Der Lauf kann später im Reiter „Läufe“ fortgesetzt werden.</translation>
    </message>
    <message>
        <source>The collapse guard&apos;s advice is in the configuration; press Start for a new run.</source>
        <translation>Der Rat des Kollapswächters steht in der Konfiguration; Start drücken für einen neuen Lauf.</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Embedding map</source>
        <translation>Embedding-Karte</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>Training stoppen?</translation>
    </message>
    <message>
        <source>The run stops after the current step and keeps a checkpoint; you can continue it later from the Runs tab.</source>
        <translation>Der Lauf hält nach dem aktuellen Schritt an und behält einen Checkpoint; Sie können ihn später im Reiter „Läufe“ fortsetzen.</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>Training stoppen</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>Stoppen und beenden</translation>
    </message>
    <message>
        <source>Your unsaved settings were kept; the last run, %1, is in the Runs tab.</source>
        <translation>Ihre nicht gespeicherten Einstellungen wurden behalten; der letzte Lauf, %1, steht im Reiter „Läufe“.</translation>
    </message>
    <message>
        <source>Another process is training this run (%1); it has one writer at a time.</source>
        <translation>Ein anderer Prozess trainiert diesen Lauf (%1); ein Lauf hat jeweils nur einen Schreiber.</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
</context>
<context>
    <name>dino::ui::Metrics</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>teacher temperature</source>
        <translation>Teacher-Temperatur</translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation>EMA-Momentum</translation>
    </message>
    <message>
        <source>throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>teacher entropy</source>
        <translation>Teacher-Entropie</translation>
    </message>
    <message>
        <source>KL to uniform</source>
        <translation>KL zur Gleichverteilung</translation>
    </message>
    <message>
        <source>centre norm</source>
        <translation>Norm des Zentrums</translation>
    </message>
    <message>
        <source>step time</source>
        <translation>Schrittzeit</translation>
    </message>
    <message>
        <source>data wait</source>
        <translation>Warten auf Daten</translation>
    </message>
    <message>
        <source>elapsed</source>
        <translation>Verstrichen</translation>
    </message>
    <message>
        <source>student feature spread</source>
        <translation>Streuung der Student-Merkmale</translation>
    </message>
    <message>
        <source>KoLeo</source>
        <translation>KoLeo</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>iBOT loss</source>
        <translation>iBOT-Loss</translation>
    </message>
</context>
<context>
    <name>dino::ui::ModelSourceBar</name>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>The split whose images are shown</source>
        <translation>Der Split, dessen Bilder gezeigt werden</translation>
    </message>
    <message>
        <source>Any checkpoint the run kept: watch the model form epoch by epoch</source>
        <translation>Jeder Checkpoint, den der Lauf behalten hat: zusehen, wie das Modell Epoche für Epoche entsteht</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Random init</source>
        <translation>Zufällige Init.</translation>
    </message>
    <message>
        <source>The teacher (EMA of the student, what evaluation uses), the student, or the untrained model with the run&apos;s seed</source>
        <translation>Der Teacher (EMA des Students, den die Auswertung nutzt), der Student oder das untrainierte Modell mit dem Seed des Laufs</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>last</source>
        <translation>letzter</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>random init</source>
        <translation>zufällige Init.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>dino::ui::PairedPanel</name>
    <message>
        <source>Δ gain k-NN</source>
        <translation>Δ Gewinn k-NN</translation>
    </message>
    <message>
        <source>Δ gain probe</source>
        <translation>Δ Gewinn Probe</translation>
    </message>
    <message>
        <source>Δ k-NN</source>
        <translation>Δ k-NN</translation>
    </message>
    <message>
        <source>Δ probe</source>
        <translation>Δ Probe</translation>
    </message>
    <message>
        <source>Δ 1-NN</source>
        <translation>Δ 1-NN</translation>
    </message>
    <message>
        <source>Δ AUC</source>
        <translation>Δ AUC</translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy minus the random-init model&apos;s (the same seed&apos;s), against the reference&apos;s, in points</source>
        <translation>Gewichtete k-NN-Genauigkeit minus die des zufällig initialisierten Modells (desselben Seeds), gegen die der Referenz, in Prozentpunkten</translation>
    </message>
    <message>
        <source>Linear-probe accuracy minus the random-init model&apos;s, against the reference&apos;s, in points</source>
        <translation>Genauigkeit der linearen Probe minus die des zufällig initialisierten Modells, gegen die der Referenz, in Prozentpunkten</translation>
    </message>
    <message>
        <source>AUC × 100 against the reference&apos;s</source>
        <translation>AUC × 100 gegen die der Referenz</translation>
    </message>
    <message>
        <source>The teacher&apos;s accuracy against the reference&apos;s, in points</source>
        <translation>Genauigkeit des Teachers gegen die der Referenz, in Prozentpunkten</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>Gegen:</translation>
    </message>
    <message>
        <source>The configuration every other one is compared with, seed by seed</source>
        <translation>Die Konfiguration, mit der jede andere Seed für Seed verglichen wird</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Differs in</source>
        <translation>Unterscheidet sich in</translation>
    </message>
    <message>
        <source>Seeds paired</source>
        <translation>Gepaarte Seeds</translation>
    </message>
    <message>
        <source>No runs listed.</source>
        <translation>Keine Läufe aufgelistet.</translation>
    </message>
    <message>
        <source>Turn on “Group seeds” in the table above: pairing compares seed groups.</source>
        <translation>„Seeds gruppieren“ in der Tabelle oben einschalten: die Paarung vergleicht Seed-Gruppen.</translation>
    </message>
    <message>
        <source>One configuration listed: run another with the same seeds to compare them seed by seed.</source>
        <translation>Eine Konfiguration aufgelistet: eine weitere mit denselben Seeds trainieren, um sie Seed für Seed zu vergleichen.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>seed %1: %2 (%3 against %4)</source>
        <translation>Seed %1: %2 (%3 gegen %4)</translation>
    </message>
    <message numerus="yes">
        <source>95 % interval of the mean difference (Student&apos;s t, %n degree(s) of freedom): %1 points; one that spans 0 is no evidence either way</source>
        <translation>
            <numerusform>95-%-Intervall der mittleren Differenz (Student-t, %n Freiheitsgrad): %1 Punkte; eines, das 0 einschließt, belegt nichts</numerusform>
            <numerusform>95-%-Intervall der mittleren Differenz (Student-t, %n Freiheitsgrade): %1 Punkte; eines, das 0 einschließt, belegt nichts</numerusform>
        </translation>
    </message>
    <message>
        <source>Each cell: this configuration minus the reference, on each seed both ran (the same random init and data order), in points: the mean ± sd over those seeds, and (seeds ahead / seeds paired). Green: ahead on every seed; red: behind on every seed. Hover a cell for each seed and the 95 % interval of the mean difference.</source>
        <translation>Jede Zelle: diese Konfiguration minus die Referenz auf jedem Seed, den beide trainiert haben (dieselbe zufällige Initialisierung und Datenreihenfolge), in Prozentpunkten: Mittelwert ± Standardabweichung über diese Seeds und (Seeds vorn / gepaarte Seeds). Grün: auf jedem Seed vorn; rot: auf jedem Seed hinten. Der Tooltip einer Zelle zeigt jeden Seed und das 95-%-Intervall der mittleren Differenz.</translation>
    </message>
</context>
<context>
    <name>dino::ui::ParallelCoordinates</name>
    <message>
        <source>1-NN accuracy</source>
        <translation>1-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>weighted k-NN accuracy</source>
        <translation>gewichtete k-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>random-init 1-NN</source>
        <translation>1-NN zufällige Init.</translation>
    </message>
    <message>
        <source>random-init k-NN</source>
        <translation>k-NN zufällige Init.</translation>
    </message>
    <message>
        <source>random-init AUC</source>
        <translation>AUC zufällige Init.</translation>
    </message>
    <message>
        <source>best live k-NN</source>
        <translation>bestes Live-k-NN</translation>
    </message>
    <message>
        <source>step of the best live k-NN</source>
        <translation>Schritt des besten Live-k-NN</translation>
    </message>
    <message>
        <source>teacher entropy</source>
        <translation>Teacher-Entropie</translation>
    </message>
    <message>
        <source>pseudo-labels used</source>
        <translation>genutzte Pseudo-Labels</translation>
    </message>
    <message>
        <source>%1 (mean of %2 seeds)</source>
        <translation>%1 (Mittel über %2 Seeds)</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>logarithmische Skala</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>linear scale</source>
        <translation>lineare Skala</translation>
    </message>
    <message>
        <source>%1 (result; %2). Drag along the axis to brush.</source>
        <translation>%1 (Ergebnis; %2). Entlang der Achse ziehen wählt einen Bereich aus.</translation>
    </message>
    <message>
        <source>%1
%2 (%3). Drag along the axis to brush.</source>
        <translation>%1
%2 (%3). Entlang der Achse ziehen wählt einen Bereich aus.</translation>
    </message>
    <message>
        <source>No runs to compare: the hyperparameter views show the runs the table lists.</source>
        <translation>Keine Läufe zum Vergleichen: die Hyperparameter-Ansichten zeigen die Läufe, die die Tabelle auflistet.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Hyperparameters against %1</source>
        <translation>Hyperparameter gegen %1</translation>
    </message>
</context>
<context>
    <name>dino::ui::PlotWidget</name>
    <message>
        <source>Export chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation>Daten als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export data as CSV</source>
        <translation>Daten als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>This chart has no data export.</source>
        <translation>Dieses Diagramm hat keinen Datenexport.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>dino::ui::PreviewPanel</name>
    <message>
        <source>Re-roll</source>
        <translation>Neu würfeln</translation>
    </message>
    <message>
        <source>Draw new images and new random augmentations</source>
        <translation>Neue Bilder und neue zufällige Augmentierungen ziehen</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Real augmented views from the training pipeline (un-normalised). Global views go to the teacher and the student, local views to the student only. Click a view to enlarge it.</source>
        <translation>Echte augmentierte Ansichten aus der Trainings-Pipeline (nicht normiert). Globale Ansichten sehen Teacher und Student, lokale nur der Student. Zum Vergrößern auf eine Ansicht klicken.</translation>
    </message>
    <message>
        <source>Computing views…</source>
        <translation>Berechne Ansichten…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s), %1 views each</source>
        <translation>
            <numerusform>%n Bild, je %1 Ansichten</numerusform>
            <numerusform>%n Bilder, je %1 Ansichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview not available: %1</source>
        <translation>Vorschau nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Global %1</source>
        <translation>Global %1</translation>
    </message>
    <message>
        <source>Local %1</source>
        <translation>Lokal %1</translation>
    </message>
    <message>
        <source>#%1
%2</source>
        <translation>#%1
%2</translation>
    </message>
    <message>
        <source>Original #%1 (%2)</source>
        <translation>Original #%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of image #%2</source>
        <translation>%1 von Bild #%2</translation>
    </message>
    <message>
        <source>(the image as stored, no augmentation)</source>
        <translation>(das Bild wie gespeichert, ohne Augmentierung)</translation>
    </message>
</context>
<context>
    <name>dino::ui::PseudoLabelPanel</name>
    <message>
        <source>Compute pseudo-labels</source>
        <translation>Pseudo-Labels berechnen</translation>
    </message>
    <message>
        <source>evaluation test split</source>
        <translation>Test-Split der Auswertung</translation>
    </message>
    <message>
        <source>Sorted by count</source>
        <translation>Nach Anzahl sortiert</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>No pseudo-labels computed yet.</source>
        <translation>Noch keine Pseudo-Labels berechnet.</translation>
    </message>
    <message>
        <source>Teacher pseudo-label assignments</source>
        <translation>Pseudo-Label-Zuordnungen des Teachers</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>pseudo-label</source>
        <translation>Pseudo-Label</translation>
    </message>
    <message>
        <source>Running the teacher over the split…</source>
        <translation>Teacher läuft über den Split…</translation>
    </message>
    <message>
        <source>Could not compute pseudo-labels: %1</source>
        <translation>Pseudo-Labels konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>%1 images of the %2 split · %3 of %4 pseudo-labels used · entropy %5 nats of at most %6 (about %7 equally used labels)</source>
        <translation>%1 Bilder aus dem Split %2 · %3 von %4 Pseudo-Labels benutzt · Entropie %5 nats von höchstens %6 (etwa %7 gleich oft benutzte Labels)</translation>
    </message>
    <message>
        <source>pseudo-labels, most used first (rank)</source>
        <translation>Pseudo-Labels, häufigste zuerst (Rang)</translation>
    </message>
    <message>
        <source>pseudo-label index</source>
        <translation>Pseudo-Label-Index</translation>
    </message>
    <message>
        <source>&lt;b&gt;What you are looking at.&lt;/b&gt; Each image is given the index of the teacher head&apos;s largest output (argmax over out_dim pseudo-labels); the bars count how many images got each index. </source>
        <translation>&lt;b&gt;Was Sie sehen.&lt;/b&gt; Jedes Bild erhält den Index der größten Ausgabe des Teacher-Kopfs (argmax über out_dim Pseudo-Labels); die Balken zählen, wie viele Bilder jeden Index erhielten. </translation>
    </message>
    <message>
        <source>PathMNIST has 9 tissue classes of unequal size and visually similar images share labels, so a few labels collect many images and most of the out_dim labels stay rare or unused. A histogram with a single bar, or a flat one with an entropy near log(out_dim), would mean collapse.</source>
        <translation>PathMNIST hat 9 unterschiedlich große Gewebeklassen, und ähnliche Bilder teilen sich Labels, daher sammeln wenige Labels viele Bilder, während die meisten der out_dim Labels selten oder ungenutzt bleiben. Ein Histogramm mit nur einem Balken oder ein flaches mit einer Entropie nahe log(out_dim) würde einen Kollaps bedeuten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why it is not uniform:&lt;/b&gt; this run makes the teacher&apos;s targets with Sinkhorn-Knopp (optim.centering = sinkhorn, DINOv2&apos;s remedy): a few rounds of normalisation spread each batch&apos;s images evenly over the labels, which stops one label from winning for every image, and the low teacher temperature makes each image pick one label confidently. The histogram counts the head&apos;s raw argmax over a whole split, without that balancing, so it shows how much of the balance the head has learned. </source>
        <translation>&lt;b&gt;Warum nicht gleichverteilt:&lt;/b&gt; Dieser Lauf bildet die Ziele des Teachers mit Sinkhorn-Knopp (optim.centering = sinkhorn, die Abhilfe aus DINOv2): Einige Normierungsrunden verteilen die Bilder jedes Batches gleichmäßig auf die Labels, was verhindert, dass ein Label für jedes Bild gewinnt, und die niedrige Teacher-Temperatur lässt jedes Bild ein Label deutlich wählen. Das Histogramm zählt das rohe argmax des Kopfs über einen ganzen Split, ohne diesen Ausgleich; es zeigt also, wie viel davon der Kopf gelernt hat. </translation>
    </message>
    <message>
        <source>&lt;b&gt;Why it is not uniform:&lt;/b&gt; nothing in DINO asks for equally sized groups. Centering subtracts a running mean of the teacher outputs, which stops one label from winning for every image, and sharpening (a low teacher temperature) makes each image pick one label confidently; between the two the teacher settles on as many labels as the data supports. </source>
        <translation>&lt;b&gt;Warum nicht gleichverteilt:&lt;/b&gt; Nichts in DINO verlangt gleich große Gruppen. Die Zentrierung zieht ein gleitendes Mittel der Teacher-Ausgaben ab und verhindert so, dass ein Label für jedes Bild gewinnt; die Schärfung (niedrige Teacher-Temperatur) lässt jedes Bild ein Label deutlich wählen. Zwischen beiden findet der Teacher so viele Labels, wie die Daten hergeben. </translation>
    </message>
</context>
<context>
    <name>dino::ui::RunCommands</name>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Encoder written to %1 (timm parameter names)</source>
        <translation>Encoder nach %1 geschrieben (timm-Parameternamen)</translation>
    </message>
    <message>
        <source>Cannot prune</source>
        <translation>Aufräumen nicht möglich</translation>
    </message>
    <message>
        <source>Unsaved configuration</source>
        <translation>Ungespeicherte Konfiguration</translation>
    </message>
    <message>
        <source>The configuration (%1) has edits that are not saved. Save them before it is replaced?</source>
        <translation>Die Konfiguration (%1) hat ungespeicherte Änderungen. Vor dem Ersetzen speichern?</translation>
    </message>
    <message>
        <source>Open run folder</source>
        <translation>Laufordner öffnen</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>Preset applied: %1</source>
        <translation>Voreinstellung übernommen: %1</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>%1 geladen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <source>No run is open.</source>
        <translation>Kein Lauf geöffnet.</translation>
    </message>
    <message>
        <source>The preview is empty.</source>
        <translation>Die Vorschau ist leer.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Exporting the encoder…</source>
        <translation>Exportiere den Encoder…</translation>
    </message>
    <message>
        <source>Stop training first.</source>
        <translation>Zuerst das Training anhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n checkpoint(s), freed %1.</source>
        <translation>
            <numerusform>%n Checkpoint entfernt, %1 freigegeben.</numerusform>
            <numerusform>%n Checkpoints entfernt, %1 freigegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chart: %1…</source>
        <translation>Diagramm: %1…</translation>
    </message>
    <message>
        <source>Preview grid as PNG…</source>
        <translation>Vorschauraster als PNG…</translation>
    </message>
    <message>
        <source>Metrics CSV…</source>
        <translation>Metriken-CSV…</translation>
    </message>
    <message>
        <source>Checkpoint as…</source>
        <translation>Checkpoint als…</translation>
    </message>
    <message>
        <source>Encoder weights (safetensors for timm)…</source>
        <translation>Encoder-Gewichte (safetensors für timm)…</translation>
    </message>
    <message>
        <source>Save metrics CSV</source>
        <translation>Metriken-CSV speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export encoder</source>
        <translation>Encoder exportieren</translation>
    </message>
    <message>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <source>Save preview grid</source>
        <translation>Vorschauraster speichern</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot read run</source>
        <translation>Lauf kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>No checkpoint</source>
        <translation>Kein Checkpoint</translation>
    </message>
    <message>
        <source>This run has no checkpoint yet.</source>
        <translation>Dieser Lauf hat noch keinen Checkpoint.</translation>
    </message>
    <message>
        <source>Save checkpoint as</source>
        <translation>Checkpoint speichern unter</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Checkpoints (*.ckpt);;All files (*)</source>
        <translation>Checkpoints (*.ckpt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Prune checkpoints</source>
        <translation>Checkpoints aufräumen</translation>
    </message>
    <message>
        <source>Keep the newest N epoch checkpoints (last.ckpt, which training continues from, is always kept):</source>
        <translation>Die neuesten N Epochen-Checkpoints behalten (last.ckpt, von dem das Training fortgesetzt wird, bleibt immer erhalten):</translation>
    </message>
    <message>
        <source>Nothing to remove: the run keeps only these checkpoints.</source>
        <translation>Nichts zu entfernen: Der Lauf behält nur diese Checkpoints.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n checkpoint(s) and free %1?</source>
        <translation>
            <numerusform>%n Checkpoint entfernen und %1 freigeben?</numerusform>
            <numerusform>%n Checkpoints entfernen und %1 freigeben?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dino::ui::RunController</name>
    <message>
        <source>A run is already active.</source>
        <translation>Es läuft bereits ein Lauf.</translation>
    </message>
    <message>
        <source>Cannot create the runs folder %1.</source>
        <translation>Der Ordner für Läufe %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Starting a run in %1</source>
        <translation>Starte einen Lauf in %1</translation>
    </message>
    <message>
        <source>No run is open.</source>
        <translation>Kein Lauf geöffnet.</translation>
    </message>
    <message>
        <source>Continuing %1 from its last checkpoint</source>
        <translation>Setze %1 ab dem letzten Checkpoint fort</translation>
    </message>
    <message>
        <source>k-NN evaluation after epoch %1: 1-NN %2 %, weighted k-NN %3 % (random init %4 %)</source>
        <translation>k-NN-Auswertung nach Epoche %1: 1-NN %2 %, gewichtetes k-NN %3 % (zufällige Init. %4 %)</translation>
    </message>
</context>
<context>
    <name>dino::ui::RunFollowerView</name>
    <message>
        <source>training in another process</source>
        <translation>wird in einem anderen Prozess trainiert</translation>
    </message>
    <message>
        <source>training in another process (pid %1)</source>
        <translation>wird in einem anderen Prozess trainiert (PID %1)</translation>
    </message>
    <message>
        <source>training in another process (pid %1, %2)</source>
        <translation>wird in einem anderen Prozess trainiert (PID %1, %2)</translation>
    </message>
</context>
<context>
    <name>dino::ui::RunStatusBar</name>
    <message>
        <source>Stopping… writing a checkpoint</source>
        <translation>Stoppe… schreibe einen Checkpoint</translation>
    </message>
</context>
<context>
    <name>dino::ui::RunsPanel</name>
    <message>
        <source>Run in this window</source>
        <translation>Lauf in diesem Fenster</translation>
    </message>
    <message>
        <source>No run open.</source>
        <translation>Kein Lauf geöffnet.</translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation>Training fortsetzen</translation>
    </message>
    <message>
        <source>Resume from the last checkpoint with the run&apos;s own configuration</source>
        <translation>Ab dem letzten Checkpoint mit der Konfiguration des Laufs fortsetzen</translation>
    </message>
    <message>
        <source>Save metrics CSV as…</source>
        <translation>Metriken-CSV speichern unter…</translation>
    </message>
    <message>
        <source>Save checkpoint as…</source>
        <translation>Checkpoint speichern unter…</translation>
    </message>
    <message>
        <source>Export encoder (safetensors for timm)…</source>
        <translation>Encoder exportieren (safetensors für timm)…</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>Open run folder…</source>
        <translation>Laufordner öffnen…</translation>
    </message>
    <message>
        <source>New runs are written to</source>
        <translation>Neue Läufe werden geschrieben nach</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Folder for new runs</source>
        <translation>Ordner für neue Läufe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>ViT %1 wide, %2 blocks, %3 heads, patch %4; %5 pseudo-labels</source>
        <translation>ViT %1 breit, %2 Blöcke, %3 Köpfe, Patch %4; %5 Pseudo-Labels</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>%1 epochs × %2 steps, batch %3</source>
        <translation>%1 Epochen × %2 Schritte, Batch %3</translation>
    </message>
    <message>
        <source>Steps recorded</source>
        <translation>Aufgezeichnete Schritte</translation>
    </message>
    <message>
        <source>Last loss</source>
        <translation>Letzter Verlust</translation>
    </message>
    <message>
        <source>k-NN accuracy</source>
        <translation>k-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>%1 % (random init %2 %)</source>
        <translation>%1 % (zufällige Init. %2 %)</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Prune checkpoints…</source>
        <translation>Checkpoints aufräumen…</translation>
    </message>
    <message>
        <source>Remove old epoch checkpoints to free disk space; last.ckpt, which training continues from, is kept</source>
        <translation>Alte Epochen-Checkpoints entfernen, um Speicherplatz freizugeben; last.ckpt, von dem das Training fortgesetzt wird, bleibt erhalten</translation>
    </message>
    <message>
        <source>Disk use</source>
        <translation>Speicherbedarf</translation>
    </message>
    <message>
        <source>%1, of which checkpoints %2 (keeps the newest %3 epoch checkpoints%4)</source>
        <translation>%1, davon Checkpoints %2 (behält die neuesten %3 Epochen-Checkpoints%4)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>, plus one every %1 epochs</source>
        <translation> sowie einen alle %1 Epochen</translation>
    </message>
    <message>
        <source>training in another process (pid %1, %2)</source>
        <translation>wird in einem anderen Prozess trainiert (PID %1, %2)</translation>
    </message>
    <message>
        <source>training (the Training tab shows its progress)</source>
        <translation>trainiert (der Reiter „Training“ zeigt den Fortschritt)</translation>
    </message>
    <message>
        <source>%1 when training started</source>
        <translation>%1 beim Start des Trainings</translation>
    </message>
    <message>
        <source>%1 at step %2</source>
        <translation>%1 bei Schritt %2</translation>
    </message>
    <message>
        <source>Collapse guard</source>
        <translation>Kollapswächter</translation>
    </message>
</context>
<context>
    <name>dino::ui::RunsTableModel</name>
    <message>
        <source>1-NN acc.</source>
        <translation>1-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>k-NN acc.</source>
        <translation>k-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>init 1-NN</source>
        <translation>Init 1-NN</translation>
    </message>
    <message>
        <source>init k-NN</source>
        <translation>Init k-NN</translation>
    </message>
    <message>
        <source>init AUC</source>
        <translation>Init AUC</translation>
    </message>
    <message>
        <source>best live k-NN</source>
        <translation>bester Live-k-NN</translation>
    </message>
    <message>
        <source>at step</source>
        <translation>bei Schritt</translation>
    </message>
    <message>
        <source>entropy (nats)</source>
        <translation>Entropie (nats)</translation>
    </message>
    <message>
        <source>labels used</source>
        <translation>genutzte Labels</translation>
    </message>
    <message>
        <source>1-nearest-neighbour accuracy of the trained teacher (eval.json), 0 to 1</source>
        <translation>1-Nächster-Nachbar-Genauigkeit des trainierten Lehrers (eval.json), 0 bis 1</translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy of the trained teacher (eval.json), 0 to 1</source>
        <translation>Gewichtete k-NN-Genauigkeit des trainierten Lehrers (eval.json), 0 bis 1</translation>
    </message>
    <message>
        <source>Macro one-vs-rest ROC AUC of the k-NN scores (eval.json)</source>
        <translation>Makro-One-vs-Rest-ROC-AUC der k-NN-Scores (eval.json)</translation>
    </message>
    <message>
        <source>1-NN accuracy of the random-init model, the floor to beat</source>
        <translation>1-NN-Genauigkeit des zufällig initialisierten Modells, die zu schlagende Untergrenze</translation>
    </message>
    <message>
        <source>Weighted k-NN accuracy of the random-init model</source>
        <translation>Gewichtete k-NN-Genauigkeit des zufällig initialisierten Modells</translation>
    </message>
    <message>
        <source>AUC of the random-init model</source>
        <translation>AUC des zufällig initialisierten Modells</translation>
    </message>
    <message>
        <source>Highest weighted k-NN accuracy of the live curve (knn.csv)</source>
        <translation>Höchste gewichtete k-NN-Genauigkeit der Live-Kurve (knn.csv)</translation>
    </message>
    <message>
        <source>The step of the best live k-NN point</source>
        <translation>Der Schritt des besten Live-k-NN-Punkts</translation>
    </message>
    <message>
        <source>Teacher entropy of the last step, in nats (low: one-hot collapse)</source>
        <translation>Lehrer-Entropie des letzten Schritts in nats (niedrig: One-hot-Kollaps)</translation>
    </message>
    <message>
        <source>Pseudo-labels (prototypes) used (pseudo_labels.json)</source>
        <translation>Genutzte Pseudo-Labels (Prototypen) (pseudo_labels.json)</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>training</source>
        <translation>trainiert</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>kollabiert</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>training (pid %1, %2)</source>
        <translation>trainiert (PID %1, %2)</translation>
    </message>
    <message>
        <source>stopped (killed)</source>
        <translation>gestoppt (abgebrochen)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Steps (done/total)</source>
        <translation>Schritte (erledigt/gesamt)</translation>
    </message>
    <message>
        <source>images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>Kollaps</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>The run&apos;s folder below the listed folder</source>
        <translation>Der Ordner des Laufs unterhalb des gelisteten Ordners</translation>
    </message>
    <message>
        <source>training (a process holds the run&apos;s lock: its pid and host), finished, stopped, failed, collapsed (ended with a collapse verdict) or created</source>
        <translation>trainiert (ein Prozess hält die Sperre des Laufs: seine PID und sein Host), fertig, gestoppt, fehlgeschlagen, kollabiert (mit einem Kollaps-Urteil beendet) oder angelegt</translation>
    </message>
    <message>
        <source>When training started (local time)</source>
        <translation>Wann das Training begann (Ortszeit)</translation>
    </message>
    <message>
        <source>Training time, summed over the processes that trained the run</source>
        <translation>Trainingszeit, summiert über die Prozesse, die den Lauf trainiert haben</translation>
    </message>
    <message>
        <source>Optimizer steps done / planned</source>
        <translation>Optimierer-Schritte erledigt / geplant</translation>
    </message>
    <message>
        <source>Training throughput: the median images per second over the steps</source>
        <translation>Trainingsdurchsatz: der Median der Bilder pro Sekunde über die Schritte</translation>
    </message>
    <message>
        <source>The seeds (system.seed) of the group&apos;s runs</source>
        <translation>Die Seeds (system.seed) der Läufe der Gruppe</translation>
    </message>
    <message>
        <source>Runs in the group</source>
        <translation>Läufe in der Gruppe</translation>
    </message>
    <message>
        <source>
Groups: mean ± sample standard deviation over the seeds (n − 1).</source>
        <translation>
Gruppen: Mittelwert ± Stichproben-Standardabweichung über die Seeds (n − 1).</translation>
    </message>
    <message>
        <source>The collapse guard&apos;s verdict (status.json)</source>
        <translation>Das Urteil des Kollaps-Wächters (status.json)</translation>
    </message>
    <message>
        <source>Your tags (tags.json in the run folder)</source>
        <translation>Ihre Tags (tags.json im Lauf-Ordner)</translation>
    </message>
    <message>
        <source>The sweep the run belongs to (a folder with sweep.json above it)</source>
        <translation>Der Sweep, zu dem der Lauf gehört (ein Ordner mit sweep.json darüber)</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (ausgeblendet)</translation>
    </message>
    <message>
        <source>Mean over the group&apos;s runs</source>
        <translation>Mittelwert über die Läufe der Gruppe</translation>
    </message>
    <message>
        <source> (n=%1)</source>
        <translation> (n=%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>mean %1, sd %2, n %3
%4</source>
        <translation>Mittel %1, SD %2, n %3
%4</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>stopped (%1)</source>
        <translation>gestoppt (%1)</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>vorzeitig beendet</translation>
    </message>
</context>
<context>
    <name>dino::ui::ShownRun</name>
    <message>
        <source>Stop the current training before opening another run.</source>
        <translation>Vor dem Öffnen eines anderen Laufs das laufende Training stoppen.</translation>
    </message>
    <message>
        <source>Opened %1: %2 steps, status %3</source>
        <translation>%1 geöffnet: %2 Schritte, Status %3</translation>
    </message>
    <message>
        <source>Following it while it trains: %1</source>
        <translation>Wird verfolgt, solange er trainiert: %1</translation>
    </message>
    <message>
        <source>Cannot open run</source>
        <translation>Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot read the run folder: %1</source>
        <translation>Der Laufordner kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — DINO Studio</source>
        <translation>%1 — DINO Studio</translation>
    </message>
</context>
<context>
    <name>dino::ui::SweepCommands</name>
    <message>
        <source>Sweep started in %1</source>
        <translation>Sweep gestartet in %1</translation>
    </message>
    <message>
        <source>Sweep started in %1 (dino sweep; its log: sweep-log.txt)</source>
        <translation>Sweep gestartet in %1 (dino sweep; Protokoll: sweep-log.txt)</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
    </message>
    <message>
        <source>Resume a sweep: its folder</source>
        <translation>Sweep fortsetzen: sein Ordner</translation>
    </message>
    <message>
        <source>Cannot resume the sweep</source>
        <translation>Sweep kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>A sweep is running</source>
        <translation>Ein Sweep läuft</translation>
    </message>
    <message>
        <source>Stop the sweep and quit? Its running trials stop after their current step and keep a checkpoint; Training ▸ Resume sweep… continues it later.</source>
        <translation>Sweep stoppen und beenden? Laufende Trials stoppen nach dem aktuellen Schritt und behalten einen Checkpoint; Training ▸ Sweep fortsetzen… setzt ihn später fort.</translation>
    </message>
    <message>
        <source>Stop sweep and quit</source>
        <translation>Sweep stoppen und beenden</translation>
    </message>
    <message>
        <source>Failed trials</source>
        <translation>Fehlgeschlagene Trials</translation>
    </message>
    <message>
        <source>Trials of this sweep that failed before: %1 (%2). Run them again, from their last checkpoint where they wrote one, or keep them failed and continue the others?</source>
        <translation>Fehlgeschlagene Trials dieses Sweeps: %1 (%2). Sollen sie erneut laufen, ab ihrem letzten Checkpoint, wo sie einen geschrieben haben, oder fehlgeschlagen bleiben, während die übrigen weiterlaufen?</translation>
    </message>
    <message>
        <source>Run them again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Keep them failed</source>
        <translation>Fehlgeschlagen lassen</translation>
    </message>
</context>
<context>
    <name>dino::ui::SweepDialog</name>
    <message>
        <source>values (grid)</source>
        <translation>Werte (Gitter)</translation>
    </message>
    <message>
        <source>uniform range</source>
        <translation>gleichverteilter Bereich</translation>
    </message>
    <message>
        <source>log-uniform range</source>
        <translation>log-gleichverteilter Bereich</translation>
    </message>
    <message>
        <source>integer range</source>
        <translation>ganzzahliger Bereich</translation>
    </message>
    <message>
        <source>random choice</source>
        <translation>zufällige Auswahl</translation>
    </message>
    <message>
        <source>fixed value</source>
        <translation>fester Wert</translation>
    </message>
    <message>
        <source>New sweep</source>
        <translation>Neuer Sweep</translation>
    </message>
    <message>
        <source>Base configuration</source>
        <translation>Basiskonfiguration</translation>
    </message>
    <message>
        <source>The form&apos;s configuration (saved in the sweep folder as %1)</source>
        <translation>Die Konfiguration des Formulars (im Sweep-Ordner als %1 gespeichert)</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>Voreinstellung: %1</translation>
    </message>
    <message>
        <source>Fields to sweep</source>
        <translation>Variierte Felder</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Values: comma-separated (&quot;0.0005, 0.001, 0.002&quot;); a range: &quot;low, high&quot;; a list-valued field&apos;s values separated by &quot;;&quot;. Values of one grid field times another&apos;s make the grid; ranges and choices are drawn at random (then set the number of trials).</source>
        <translation>Werte: durch Kommas getrennt („0.0005, 0.001, 0.002“); ein Bereich: „unten, oben“; die Werte eines listenwertigen Felds durch „;“ getrennt. Die Werte eines Gitterfelds mal die eines anderen ergeben das Gitter; Bereiche und Auswahlen werden zufällig gezogen (dann die Anzahl der Trials setzen).</translation>
    </message>
    <message>
        <source>Seeds and budget</source>
        <translation>Seeds und Budget</translation>
    </message>
    <message>
        <source>system.seed of each configuration&apos;s runs; the table averages over them</source>
        <translation>system.seed der Läufe jeder Konfiguration; die Tabelle mittelt über sie</translation>
    </message>
    <message>
        <source>every grid point</source>
        <translation>jeder Gitterpunkt</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>No trial starts after this much sweep time; running trials finish</source>
        <translation>Nach so viel Sweep-Zeit startet kein Trial mehr; laufende Trials laufen zu Ende</translation>
    </message>
    <message>
        <source>Seeds the random draws of ranges and choices: the same spec gives the same configurations</source>
        <translation>Seed der Zufallsziehungen für Bereiche und Auswahlen: dieselbe Spezifikation ergibt dieselben Konfigurationen</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>Configurations (trials)</source>
        <translation>Konfigurationen (Trials)</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Sampler seed</source>
        <translation>Sampler-Seed</translation>
    </message>
    <message>
        <source>Early stopping on the live k-NN curve</source>
        <translation>Frühes Stoppen anhand der Live-k-NN-Kurve</translation>
    </message>
    <message>
        <source>none: every trial runs to the end</source>
        <translation>keines: jeder Trial läuft bis zum Ende</translation>
    </message>
    <message>
        <source>median rule (Optuna&apos;s MedianPruner)</source>
        <translation>Median-Regel (MedianPruner von Optuna)</translation>
    </message>
    <message>
        <source>successive halving (ASHA)</source>
        <translation>Successive Halving (ASHA)</translation>
    </message>
    <message>
        <source>Hyperband</source>
        <translation>Hyperband</translation>
    </message>
    <message>
        <source>weighted k-NN</source>
        <translation>gewichtetes k-NN</translation>
    </message>
    <message>
        <source>1-NN</source>
        <translation>1-NN</translation>
    </message>
    <message>
        <source>What the sweep stops and ranks on</source>
        <translation>Woran der Sweep stoppt und ordnet</translation>
    </message>
    <message>
        <source>Median rule: no decision before this step</source>
        <translation>Median-Regel: keine Entscheidung vor diesem Schritt</translation>
    </message>
    <message>
        <source>Median rule: other trials that must have reported the step</source>
        <translation>Median-Regel: andere Trials, die den Schritt gemeldet haben müssen</translation>
    </message>
    <message>
        <source>Successive halving / Hyperband: the step of the first rung</source>
        <translation>Successive Halving / Hyperband: der Schritt der ersten Stufe</translation>
    </message>
    <message>
        <source>Successive halving / Hyperband: the top 1/eta of a rung continue</source>
        <translation>Successive Halving / Hyperband: das beste 1/eta einer Stufe läuft weiter</translation>
    </message>
    <message>
        <source>Hyperband: configuration c is in bracket c mod brackets</source>
        <translation>Hyperband: Konfiguration c liegt in Klammer c mod Klammern</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>Aufwärmschritte</translation>
    </message>
    <message>
        <source>Minimum other trials</source>
        <translation>Mindestzahl anderer Trials</translation>
    </message>
    <message>
        <source>First rung (steps)</source>
        <translation>Erste Stufe (Schritte)</translation>
    </message>
    <message>
        <source>Reduction factor eta</source>
        <translation>Reduktionsfaktor eta</translation>
    </message>
    <message>
        <source>Brackets</source>
        <translation>Klammern</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Trials side by side; each gets its share of the cores</source>
        <translation>Gleichzeitige Trials; jeder erhält seinen Anteil der Kerne</translation>
    </message>
    <message>
        <source>A new or empty folder; under the runs folder its runs appear in the runs table</source>
        <translation>Ein neuer oder leerer Ordner; unter dem Läufe-Ordner erscheinen seine Läufe in der Lauftabelle</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Trials side by side</source>
        <translation>Gleichzeitige Trials</translation>
    </message>
    <message>
        <source>Sweep folder</source>
        <translation>Sweep-Ordner</translation>
    </message>
    <message>
        <source>The spec (what `dino sweep` runs):</source>
        <translation>Die Spezifikation (was `dino sweep` ausführt):</translation>
    </message>
    <message>
        <source>Save spec…</source>
        <translation>Spezifikation speichern…</translation>
    </message>
    <message>
        <source>Start sweep</source>
        <translation>Sweep starten</translation>
    </message>
    <message>
        <source>Sweep folder (new or empty)</source>
        <translation>Sweep-Ordner (neu oder leer)</translation>
    </message>
    <message>
        <source>Save sweep spec</source>
        <translation>Sweep-Spezifikation speichern</translation>
    </message>
    <message>
        <source>Sweep spec (*.json)</source>
        <translation>Sweep-Spezifikation (*.json)</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>expected true or false, got &quot;%1&quot;</source>
        <translation>true oder false erwartet, erhalten: „%1“</translation>
    </message>
    <message>
        <source>expected an integer, got &quot;%1&quot;</source>
        <translation>ganze Zahl erwartet, erhalten: „%1“</translation>
    </message>
    <message>
        <source>expected a number, got &quot;%1&quot;</source>
        <translation>Zahl erwartet, erhalten: „%1“</translation>
    </message>
    <message>
        <source>expected a list of numbers, got &quot;%1&quot;</source>
        <translation>Liste von Zahlen erwartet, erhalten: „%1“</translation>
    </message>
    <message>
        <source>%1 with it: %2</source>
        <translation>%1 damit: %2</translation>
    </message>
    <message>
        <source>enter a range: low, high</source>
        <translation>einen Bereich eingeben: unten, oben</translation>
    </message>
    <message>
        <source>enter at least one value</source>
        <translation>mindestens einen Wert eingeben</translation>
    </message>
    <message>
        <source>a fixed field takes one value (a list is a grid)</source>
        <translation>ein festes Feld nimmt einen Wert (eine Liste ist ein Gitter)</translation>
    </message>
    <message>
        <source>a range is two numbers: low, high</source>
        <translation>ein Bereich sind zwei Zahlen: unten, oben</translation>
    </message>
    <message>
        <source>low (%1) must be below high (%2)</source>
        <translation>unten (%1) muss kleiner als oben (%2) sein</translation>
    </message>
    <message>
        <source>a log-uniform range needs low &gt; 0</source>
        <translation>ein log-gleichverteilter Bereich braucht unten &gt; 0</translation>
    </message>
    <message>
        <source>an integer range needs two integers</source>
        <translation>ein ganzzahliger Bereich braucht zwei ganze Zahlen</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 steht doppelt in der Liste</translation>
    </message>
    <message>
        <source>Made with DINO Studio&apos;s sweep dialog</source>
        <translation>Erstellt mit dem Sweep-Dialog von DINO Studio</translation>
    </message>
    <message>
        <source>The base configuration is invalid: %1: %2</source>
        <translation>Die Basiskonfiguration ist ungültig: %1: %2</translation>
    </message>
    <message>
        <source>this field has another row</source>
        <translation>dieses Feld hat eine weitere Zeile</translation>
    </message>
    <message>
        <source>Add a field to sweep (with values, a range or a choice).</source>
        <translation>Ein zu variierendes Feld hinzufügen (mit Werten, einem Bereich oder einer Auswahl).</translation>
    </message>
    <message>
        <source>Seeds: &quot;%1&quot; is not an integer &gt;= 0</source>
        <translation>Seeds: „%1“ ist keine ganze Zahl &gt;= 0</translation>
    </message>
    <message>
        <source>Seeds: %1 is listed twice</source>
        <translation>Seeds: %1 steht doppelt in der Liste</translation>
    </message>
    <message>
        <source>Seeds: enter at least one seed (e.g. 0, 1, 2)</source>
        <translation>Seeds: mindestens einen Seed eingeben (z. B. 0, 1, 2)</translation>
    </message>
    <message>
        <source>Random ranges and choices need a number of configurations (Seeds and budget).</source>
        <translation>Zufällige Bereiche und Auswahlen brauchen eine Anzahl von Konfigurationen (Seeds und Budget).</translation>
    </message>
    <message>
        <source>Early stopping follows the live k-NN curve: set eval.knn_every_steps &gt; 0 (in the base, or as a fixed field here).</source>
        <translation>Frühes Stoppen folgt der Live-k-NN-Kurve: eval.knn_every_steps &gt; 0 setzen (in der Basis oder hier als festes Feld).</translation>
    </message>
    <message>
        <source>Choose a sweep folder.</source>
        <translation>Einen Sweep-Ordner wählen.</translation>
    </message>
    <message>
        <source>The sweep folder %1 is not empty; a new sweep needs a new or empty folder (Training ▸ Resume sweep… continues one).</source>
        <translation>Der Sweep-Ordner %1 ist nicht leer; ein neuer Sweep braucht einen neuen oder leeren Ordner (Training ▸ Sweep fortsetzen… setzt einen fort).</translation>
    </message>
    <message>
        <source>A sweep is running (%1); one at a time.</source>
        <translation>Ein Sweep läuft (%1); jeweils nur einer.</translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation>1 Seed</translation>
    </message>
    <message>
        <source>%1 seeds</source>
        <translation>%1 Seeds</translation>
    </message>
    <message>
        <source>%1 configurations × %2 = %3 trials%4</source>
        <translation>%1 Konfigurationen × %2 = %3 Trials%4</translation>
    </message>
    <message>
        <source> at most (early stopping ends some early)</source>
        <translation> höchstens (frühes Stoppen beendet manche früher)</translation>
    </message>
    <message>
        <source>No field swept yet</source>
        <translation>Noch kein Feld variiert</translation>
    </message>
    <message>
        <source> (counting the valid values; fix the marked ones)</source>
        <translation> (gezählt werden die gültigen Werte; die markierten korrigieren)</translation>
    </message>
    <message>
        <source>No sweep runner.</source>
        <translation>Kein Sweep-Ausführer.</translation>
    </message>
    <message>
        <source>Cannot create the sweep folder %1.</source>
        <translation>Der Sweep-Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>dino::ui::SweepProgressWidget</name>
    <message>
        <source>Stop the sweep as Ctrl-C does: its trials stop after their current step and keep a checkpoint; Training ▸ Resume sweep… continues it</source>
        <translation>Den Sweep wie mit Strg-C stoppen: seine Trials stoppen nach dem aktuellen Schritt und behalten einen Checkpoint; Training ▸ Sweep fortsetzen… setzt ihn fort</translation>
    </message>
    <message>
        <source>Sweep %1: %2/%3 trials ended, %4 running</source>
        <translation>Sweep %1: %2/%3 Trials beendet, %4 laufen</translation>
    </message>
    <message>
        <source>Sweep %1: starting…</source>
        <translation>Sweep %1: startet…</translation>
    </message>
    <message>
        <source> · stopping…</source>
        <translation> · stoppt…</translation>
    </message>
</context>
<context>
    <name>dino::ui::SweepRunner</name>
    <message>
        <source>%1 is not a sweep folder (it has no sweep-state.json).</source>
        <translation>%1 ist kein Sweep-Ordner (er hat keine sweep-state.json).</translation>
    </message>
    <message>
        <source>A sweep is already running (%1); stop it first.</source>
        <translation>Es läuft bereits ein Sweep (%1); zuerst stoppen.</translation>
    </message>
    <message>
        <source>The dino command-line program was not found at %1; it runs the sweep&apos;s trials. Build it (ninja dino) or set DINO_CLI to its path.</source>
        <translation>Das Kommandozeilenprogramm dino wurde unter %1 nicht gefunden; es führt die Trials des Sweeps aus. Bauen (ninja dino) oder DINO_CLI auf seinen Pfad setzen.</translation>
    </message>
    <message>
        <source>The sweep did not start: %1</source>
        <translation>Der Sweep ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The sweep process ended abnormally (%1).</source>
        <translation>Der Sweep-Prozess endete abnormal (%1).</translation>
    </message>
    <message>
        <source>Sweep finished: %1 (results in sweep-results.json)</source>
        <translation>Sweep fertig: %1 (Ergebnisse in sweep-results.json)</translation>
    </message>
    <message>
        <source>Sweep stopped; Training ▸ Resume sweep… continues it (%1)</source>
        <translation>Sweep gestoppt; Training ▸ Sweep fortsetzen… setzt ihn fort (%1)</translation>
    </message>
    <message>
        <source>The sweep failed (exit code %1): %2</source>
        <translation>Der Sweep ist fehlgeschlagen (Exit-Code %1): %2</translation>
    </message>
</context>
<context>
    <name>dino::ui::TrainingPanel</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start a new training run with the configuration on the left (Ctrl+R)</source>
        <translation>Einen neuen Trainingslauf mit der Konfiguration links starten (Strg+R)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop after the current step and keep a checkpoint (Esc)</source>
        <translation>Nach dem aktuellen Schritt stoppen und einen Checkpoint behalten (Esc)</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>DINO loss</source>
        <translation>DINO-Verlust</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>roh</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Collapse indicators</source>
        <translation>Kollaps-Indikatoren</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>Teacher temperature</source>
        <translation>Teacher-Temperatur</translation>
    </message>
    <message>
        <source>EMA momentum</source>
        <translation>EMA-Momentum</translation>
    </message>
    <message>
        <source>Engine messages appear here.</source>
        <translation>Meldungen der Engine erscheinen hier.</translation>
    </message>
    <message>
        <source>Epoch %1/%2 · step %3/%4 (%5 in epoch) · %6 img/s · loss %7 · ETA %8</source>
        <translation>Epoche %1/%2 · Schritt %3/%4 (%5 in Epoche) · %6 Bilder/s · Verlust %7 · Rest %8</translation>
    </message>
    <message>
        <source>Loading data and building the model…</source>
        <translation>Lade Daten und baue das Modell…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Stopping… (finishing the step and writing a checkpoint)</source>
        <translation>Stoppe… (beende den Schritt und schreibe einen Checkpoint)</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>DINO&apos;s two collapse modes: entropy near log(out_dim) with KL near 0 means a uniform output (centering without enough sharpening); entropy near 0 with KL near log(out_dim) means one pseudo-label wins for every image (sharpening without centering).</source>
        <translation>Die zwei Kollaps-Arten von DINO: Entropie nahe log(out_dim) mit KL nahe 0 bedeutet eine gleichförmige Ausgabe (Zentrierung ohne genug Schärfung); Entropie nahe 0 mit KL nahe log(out_dim) bedeutet, dass ein Pseudo-Label für jedes Bild gewinnt (Schärfung ohne Zentrierung).</translation>
    </message>
    <message>
        <source>Live k-NN accuracy</source>
        <translation>Live-k-NN-Genauigkeit</translation>
    </message>
    <message>
        <source>teacher 1-NN</source>
        <translation>Teacher 1-NN</translation>
    </message>
    <message>
        <source>teacher weighted k-NN</source>
        <translation>Teacher gewichtetes k-NN</translation>
    </message>
    <message>
        <source>random init 1-NN</source>
        <translation>Zufallsinit. 1-NN</translation>
    </message>
    <message>
        <source>random init weighted k-NN</source>
        <translation>Zufallsinit. gewichtetes k-NN</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>Genauigkeit (%)</translation>
    </message>
    <message>
        <source>k-NN accuracy of the teacher&apos;s features on a fixed subset during training (eval.knn_every_steps), beside the same classifier on a random-initialised model (dashed). Above the dashed lines, DINO has learned something the random network did not have.</source>
        <translation>k-NN-Genauigkeit der Merkmale des Teachers auf einer festen Teilmenge während des Trainings (eval.knn_every_steps), neben demselben Klassifikator auf einem zufällig initialisierten Modell (gestrichelt). Oberhalb der gestrichelten Linien hat DINO etwas gelernt, das das Zufallsnetz nicht hatte.</translation>
    </message>
    <message>
        <source>Try: %1. &lt;a href=&quot;apply&quot;&gt;Apply this advice to a new configuration&lt;/a&gt;</source>
        <translation>Versuchen Sie: %1. &lt;a href=&quot;apply&quot;&gt;Diesen Rat auf eine neue Konfiguration anwenden&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Collapse guard</source>
        <translation>Kollapswächter</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Live k-NN: off</source>
        <translation>Live-k-NN: aus</translation>
    </message>
    <message>
        <source>Planned: %1 epochs × %2 steps = %3 steps on %4 images (%5, %6 threads, %7)</source>
        <translation>Geplant: %1 Epochen × %2 Schritte = %3 Schritte auf %4 Bildern (%5, %6 Threads, %7)</translation>
    </message>
    <message>
        <source>, %1 processes (%2)</source>
        <translation>, %1 Prozesse (%2)</translation>
    </message>
    <message>
        <source>A run in %1 processes cannot pause; Stop keeps the last checkpoint and Resume continues it</source>
        <translation>Ein Lauf in %1 Prozessen kann nicht pausieren; Stopp behält den letzten Checkpoint, Fortsetzen setzt ihn fort</translation>
    </message>
    <message>
        <source>%1 (right)</source>
        <translation>%1 (rechts)</translation>
    </message>
    <message>
        <source>%1 (%2, right)</source>
        <translation>%1 (%2, rechts)</translation>
    </message>
    <message>
        <source>Live k-NN on %1 (n = %2)</source>
        <translation>Live-k-NN auf %1 (n = %2)</translation>
    </message>
    <message>
        <source>Live k-NN on %1</source>
        <translation>Live-k-NN auf %1</translation>
    </message>
    <message>
        <source>Epoch %1/%2 · step %3/%4 · loss %5 · finished</source>
        <translation>Epoche %1/%2 · Schritt %3/%4 · Verlust %5 · fertig</translation>
    </message>
    <message>
        <source>Epoch %1/%2 · step %3/%4 · loss %5 · stopped (Continue resumes it)</source>
        <translation>Epoche %1/%2 · Schritt %3/%4 · Verlust %5 · gestoppt (Fortsetzen setzt ihn fort)</translation>
    </message>
    <message>
        <source>Following: %1</source>
        <translation>Verfolgt: %1</translation>
    </message>
</context>
<context>
    <name>dino::ui::TrainingWorker</name>
    <message>
        <source>Training stopped with an unknown error.</source>
        <translation>Das Training wurde mit einem unbekannten Fehler beendet.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DINO self-supervised training studio</source>
        <translation>Studio für selbstüberwachtes DINO-Training</translation>
    </message>
    <message>
        <source>Open a run folder.</source>
        <translation>Einen Laufordner öffnen.</translation>
    </message>
    <message>
        <source>Load a configuration JSON.</source>
        <translation>Eine Konfigurations-JSON laden.</translation>
    </message>
    <message>
        <source>Save a PNG of every panel into dir, then quit.</source>
        <translation>Jede Ansicht als PNG in dir speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1366x768.</source>
        <translation>Fenstergröße, z. B. 1366x768.</translation>
    </message>
    <message>
        <source>Start training with the configuration at once.</source>
        <translation>Das Training mit der Konfiguration sofort starten.</translation>
    </message>
</context>
</TS>
