package org.lunglens.imaging.dicom;

import java.nio.file.Path;
import java.util.List;
import org.lunglens.imaging.ImageLoadException;
import org.lunglens.imaging.PixelData;
import org.lunglens.imaging.ValueWindow;

/** The first frame of a parsed file, decoded by the decoder its transfer syntax calls for. */
public final class DicomImages {
    /** The frame as LungLens holds it, and the file's other facts. */
    public record Decoded(PixelData pixels, String colourModel, DicomInfo info) {
    }

    private DicomImages() {
    }

    public static Decoded decodeFirstFrame(Path file, ParsedDicom parsed, PixelModule m) throws ImageLoadException {
        TransferSyntax syntax = parsed.syntax();
        if (syntax == null || syntax.encoding() == TransferSyntax.Encoding.UNSUPPORTED) {
            String name = syntax == null ? UnknownSyntaxes.describe(parsed.syntaxUid()) : syntax.label();
            throw new ImageLoadException(file + ": unsupported DICOM transfer syntax " + name + "; LungLens decodes"
                    + " uncompressed, deflated, RLE, JPEG (baseline, extended, lossless) and JPEG 2000 pixel data:"
                    + " convert it to one of those (e.g. dcmtk's dcmdjpls, gdcmconv --raw)");
        }
        EncodedPixels px = parsed.pixels();
        if (px.encapsulated() != syntax.encapsulated()) {
            throw DicomParser.corrupt(file, (px.encapsulated() ? "compressed" : "uncompressed")
                    + " pixel data in a file whose transfer syntax is " + syntax.label());
        }
        RawFrame raw = switch (syntax.encoding()) {
            case NATIVE -> NativeDecoder.firstFrame(file, px, m);
            case RLE -> RleDecoder.decode(file, FrameBytes.first(file, px, m.frames()), m);
            default -> ImageIoDecoder.decode(file, FrameBytes.first(file, px, m.frames()), m, syntax);
        };
        DicomDataset ds = parsed.dataset();
        DicomPixels.Converted c = DicomPixels.convert(file, raw, m, ds);
        ValueWindow window = m.isGray() ? DisplayDefaults.window(ds, c.scale(), m.signed()) : null;
        DicomInfo info = new DicomInfo(syntax.label(), List.copyOf(ds.elements()), c.scale(), window,
                DisplayDefaults.spacing(ds), PatientDetails.of(ds), m.frames());
        return new Decoded(c.pixels(), c.colourModel(), info);
    }
}
