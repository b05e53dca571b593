// Lung-field segmenter probe (outside the repository): a small encoder-decoder on 64 px equalised films.
import org.deeplearning4j.nn.conf.*;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.*;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import java.io.File;

public class SegProbe {
    static ConvolutionLayer conv(int n) {
        return new ConvolutionLayer.Builder(3, 3).nOut(n).convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY).build();
    }
    static MultiLayerNetwork build() {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(3).weightInit(WeightInit.RELU)
            .updater(new Adam(2e-3)).l2(1e-5).list();
        int[] w = {16, 32, 64};
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) { b.layer(conv(w[i])); b.layer(new BatchNormalization()); b.layer(new ActivationLayer(Activation.RELU)); }
            b.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        }
        b.layer(conv(64)); b.layer(new BatchNormalization()); b.layer(new ActivationLayer(Activation.RELU));
        for (int i = 2; i >= 0; i--) {
            b.layer(new Upsampling2D.Builder(2).build());
            b.layer(conv(w[i])); b.layer(new BatchNormalization()); b.layer(new ActivationLayer(Activation.RELU));
        }
        b.layer(new ConvolutionLayer.Builder(1, 1).nOut(1).activation(Activation.IDENTITY).build());
        b.layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build());
        b.setInputType(InputType.convolutional(32, 32, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build()); net.init(); helpers(net); return net;
    }
    static void helpers(MultiLayerNetwork net) {
        try {
            Class<?> c = Class.forName("org.lunglens.model.NativeLayerHelpers");
            java.lang.reflect.Field f = c.getDeclaredField("SHARED"); f.setAccessible(true); Object shared = f.get(null);
            java.lang.reflect.Method m = c.getDeclaredMethod("install", MultiLayerNetwork.class);
            m.setAccessible(true); System.out.println("helpers installed: " + m.invoke(shared, net));
        } catch (Exception e) { throw new RuntimeException(e); }
    }
    static double dice(INDArray p, INDArray y) {
        INDArray b = p.gt(0.5).castTo(y.dataType());
        return 2 * b.mul(y).sumNumber().doubleValue() / (b.sumNumber().doubleValue() + y.sumNumber().doubleValue());
    }
    public static void main(String[] a) throws Exception {
        if (a[0].equals("train")) {
            INDArray x = Nd4j.createFromNpyFile(new File("X32.npy")), y = Nd4j.createFromNpyFile(new File("Y32.npy"));
            INDArray vx = Nd4j.createFromNpyFile(new File("VX32.npy")), vy = Nd4j.createFromNpyFile(new File("VY32.npy"));
            MultiLayerNetwork net = build();
            long n = x.size(0); int batch = 32; java.util.Random r = new java.util.Random(5);
            int epochs = Integer.parseInt(a[1]);
            for (int e = 0; e < epochs; e++) {
                long t0 = System.currentTimeMillis();
                int[] perm = new int[(int) n]; for (int i = 0; i < n; i++) perm[i] = i;
                for (int i = (int) n - 1; i > 0; i--) { int j = r.nextInt(i + 1); int t = perm[i]; perm[i] = perm[j]; perm[j] = t; }
                double loss = 0; int steps = 0;
                for (int s = 0; s + batch <= n; s += batch) {
                    long[] idx = new long[batch]; for (int i = 0; i < batch; i++) idx[i] = perm[s + i];
                    INDArray bx = x.get(NDArrayIndex.indices(idx)), by = y.get(NDArrayIndex.indices(idx));
                    net.fit(new DataSet(bx, by)); loss += net.score(); steps++;
                }
                double d = dice(net.output(vx, false), vy);
                System.out.flush(); System.out.printf("epoch %d loss %.4f val dice %.4f (%ds)%n", e + 1, loss / steps, d, (System.currentTimeMillis() - t0) / 1000); System.out.flush();
                ModelSerializer.writeModel(net, new File("seg.zip"), false);
            }
        } else { // apply
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new File(System.getProperty("seg", "seg.zip"))); helpers(net);
            INDArray x = Nd4j.createFromNpyFile(new File(a[1]));
            long n = x.size(0); INDArray out = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, 1, 32, 32);
            for (long s = 0; s < n; s += 256) {
                long e = Math.min(n, s + 256);
                out.get(NDArrayIndex.interval(s, e)).assign(net.output(x.get(NDArrayIndex.interval(s, e)), false));
            }
            Nd4j.writeAsNumpy(out, new File(a[2]));
        }
    }
}
