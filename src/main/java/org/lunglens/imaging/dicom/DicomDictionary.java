package org.lunglens.imaging.dicom;

import java.util.HashMap;
import java.util.Map;

/**
 * Names and value representations of the tags a reader of radiographs meets most: the file meta group, patient,
 * study, series, equipment, the image pixel module and its LUTs. Not the whole standard (thousands of entries): a
 * tag missing here shows without a name, and in implicit VR files its value is kept as bytes.
 */
public final class DicomDictionary {
    private static final String TABLE = """
            00020000 UL File Meta Information Group Length
            00020001 OB File Meta Information Version
            00020002 UI Media Storage SOP Class UID
            00020003 UI Media Storage SOP Instance UID
            00020010 UI Transfer Syntax UID
            00020012 UI Implementation Class UID
            00020013 SH Implementation Version Name
            00020016 AE Source Application Entity Title
            00080005 CS Specific Character Set
            00080008 CS Image Type
            00080012 DA Instance Creation Date
            00080013 TM Instance Creation Time
            00080016 UI SOP Class UID
            00080018 UI SOP Instance UID
            00080020 DA Study Date
            00080021 DA Series Date
            00080022 DA Acquisition Date
            00080023 DA Content Date
            00080030 TM Study Time
            00080031 TM Series Time
            00080032 TM Acquisition Time
            00080033 TM Content Time
            00080050 SH Accession Number
            00080060 CS Modality
            00080064 CS Conversion Type
            00080068 CS Presentation Intent Type
            00080070 LO Manufacturer
            00080080 LO Institution Name
            00080090 PN Referring Physician's Name
            00081010 SH Station Name
            00081030 LO Study Description
            0008103E LO Series Description
            00081040 LO Institutional Department Name
            00081090 LO Manufacturer's Model Name
            00082111 ST Derivation Description
            00100010 PN Patient's Name
            00100020 LO Patient ID
            00100030 DA Patient's Birth Date
            00100040 CS Patient's Sex
            00101010 AS Patient's Age
            00101020 DS Patient's Size
            00101030 DS Patient's Weight
            00180015 CS Body Part Examined
            00180050 DS Slice Thickness
            00180060 DS KVP
            00181000 LO Device Serial Number
            00181020 LO Software Versions
            00181110 DS Distance Source to Detector
            00181111 DS Distance Source to Patient
            00181114 DS Estimated Radiographic Magnification Factor
            00181150 IS Exposure Time
            00181151 IS X-Ray Tube Current
            00181152 IS Exposure
            00181153 IS Exposure in uAs
            00181160 SH Filter Type
            00181164 DS Imager Pixel Spacing
            00181190 DS Focal Spot(s)
            00185101 CS View Position
            0020000D UI Study Instance UID
            0020000E UI Series Instance UID
            00200010 SH Study ID
            00200011 IS Series Number
            00200012 IS Acquisition Number
            00200013 IS Instance Number
            00200020 CS Patient Orientation
            00200032 DS Image Position (Patient)
            00200037 DS Image Orientation (Patient)
            00200052 UI Frame of Reference UID
            00200060 CS Laterality
            00200062 CS Image Laterality
            00204000 LT Image Comments
            00280002 US Samples per Pixel
            00280004 CS Photometric Interpretation
            00280006 US Planar Configuration
            00280008 IS Number of Frames
            00280009 AT Frame Increment Pointer
            00280010 US Rows
            00280011 US Columns
            00280030 DS Pixel Spacing
            00280034 IS Pixel Aspect Ratio
            00280100 US Bits Allocated
            00280101 US Bits Stored
            00280102 US High Bit
            00280103 US Pixel Representation
            00280106 US Smallest Image Pixel Value
            00280107 US Largest Image Pixel Value
            00280120 US Pixel Padding Value
            00280300 CS Quality Control Image
            00280301 CS Burned In Annotation
            00281040 CS Pixel Intensity Relationship
            00281041 SS Pixel Intensity Relationship Sign
            00281050 DS Window Center
            00281051 DS Window Width
            00281052 DS Rescale Intercept
            00281053 DS Rescale Slope
            00281054 LO Rescale Type
            00281055 LO Window Center & Width Explanation
            00281056 CS VOI LUT Function
            00281101 US Red Palette Color Lookup Table Descriptor
            00281102 US Green Palette Color Lookup Table Descriptor
            00281103 US Blue Palette Color Lookup Table Descriptor
            00281199 UI Palette Color Lookup Table UID
            00281201 OW Red Palette Color Lookup Table Data
            00281202 OW Green Palette Color Lookup Table Data
            00281203 OW Blue Palette Color Lookup Table Data
            00281221 OW Segmented Red Palette Color Lookup Table Data
            00281222 OW Segmented Green Palette Color Lookup Table Data
            00281223 OW Segmented Blue Palette Color Lookup Table Data
            00282110 CS Lossy Image Compression
            00282112 DS Lossy Image Compression Ratio
            00282114 CS Lossy Image Compression Method
            00283000 SQ Modality LUT Sequence
            00283002 US LUT Descriptor
            00283003 LO LUT Explanation
            00283004 LO Modality LUT Type
            00283006 US LUT Data
            00283010 SQ VOI LUT Sequence
            00400244 DA Performed Procedure Step Start Date
            00400254 LO Performed Procedure Step Description
            00880200 SQ Icon Image Sequence
            20500020 CS Presentation LUT Shape
            7FE00008 OF Float Pixel Data
            7FE00009 OD Double Float Pixel Data
            7FE00010 OW Pixel Data
            FFFAFFFA SQ Digital Signatures Sequence
            FFFCFFFC OB Data Set Trailing Padding
            """;
    private static final Map<Integer, String[]> ENTRIES = parse();

    private DicomDictionary() {
    }

    /** The tag's name, or "" when this table does not know it (group length tags are named by rule). */
    public static String name(int tag) {
        String[] e = ENTRIES.get(tag);
        if (e != null) {
            return e[1];
        }
        if ((tag & 0xFFFF) == 0) {
            return "Group Length";
        }
        return (tag >>> 16) % 2 == 1 ? "(private)" : "";
    }

    /** The VR of a tag in an implicit VR data set: from the table, "UL" for group lengths, else "UN". */
    static String vr(int tag) {
        String[] e = ENTRIES.get(tag);
        if (e != null) {
            return e[0];
        }
        return (tag & 0xFFFF) == 0 ? "UL" : "UN";
    }

    private static Map<Integer, String[]> parse() {
        Map<Integer, String[]> m = new HashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] parts = line.strip().split(" ", 3);
            m.put(Integer.parseUnsignedInt(parts[0], 16), new String[] {parts[1], parts[2]});
        }
        return m;
    }
}
