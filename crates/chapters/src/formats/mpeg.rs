//! The length of MPEG audio (MP3, and layers I and II), counted from its frames: the ID3 writer
//! needs it for the last chapter's end, and a tag's own length field is often missing or wrong.
//!
//! A Xing/Info or VBRI header gives the frame count directly; otherwise every frame is walked
//! (each header gives the next one's offset, so this reads a few bytes per frame, not the audio).

/// Samples and sample rate of the audio in `bytes` (the file after its ID3v2 tag), as a whole
/// number of milliseconds; `None` when no two consecutive MPEG frames can be found.
pub fn duration_ms(bytes: &[u8]) -> Option<u64> {
    let start = first_frame(bytes)?;
    let first = FrameHeader::parse(bytes.get(start..)?)?;
    let frames = match vbr_frame_count(bytes.get(start..)?, &first) {
        Some(n) => u64::from(n),
        None => walk(bytes, start),
    };
    Some(frames * u64::from(first.samples) * 1000 / u64::from(first.sample_rate))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FrameHeader {
    mpeg1: bool,
    mono: bool,
    samples: u32,
    sample_rate: u32,
    len: usize,
}

const BITRATES_KBPS: [[u16; 15]; 5] = [
    // MPEG-1 layer I, II, III
    [
        0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448,
    ],
    [
        0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384,
    ],
    [
        0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
    ],
    // MPEG-2 and 2.5 layer I, then II and III
    [
        0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256,
    ],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];

impl FrameHeader {
    fn parse(b: &[u8]) -> Option<FrameHeader> {
        let [b0, b1, b2, b3, ..] = *b else {
            return None;
        };
        if b0 != 0xFF || b1 & 0xE0 != 0xE0 {
            return None;
        }
        let version = (b1 >> 3) & 3; // 0: 2.5, 1: reserved, 2: 2, 3: 1
        let layer = (b1 >> 1) & 3; // 1: III, 2: II, 3: I
        let bitrate_index = usize::from(b2 >> 4);
        let rate_index = (b2 >> 2) & 3;
        if version == 1
            || layer == 0
            || bitrate_index == 0
            || bitrate_index == 15
            || rate_index == 3
        {
            return None;
        }
        let mpeg1 = version == 3;
        let table = match (mpeg1, layer) {
            (true, 3) => 0,
            (true, 2) => 1,
            (true, _) => 2,
            (false, 3) => 3,
            (false, _) => 4,
        };
        let bitrate = u32::from(BITRATES_KBPS[table][bitrate_index]) * 1000;
        let base_rate = [44_100, 48_000, 32_000][usize::from(rate_index)];
        let sample_rate = match version {
            3 => base_rate,
            2 => base_rate / 2,
            _ => base_rate / 4,
        };
        let padding = u32::from((b2 >> 1) & 1);
        let (samples, len) = match layer {
            3 => (384, (12 * bitrate / sample_rate + padding) * 4),
            2 => (1152, 144 * bitrate / sample_rate + padding),
            _ if mpeg1 => (1152, 144 * bitrate / sample_rate + padding),
            _ => (576, 72 * bitrate / sample_rate + padding),
        };
        Some(FrameHeader {
            mpeg1,
            mono: b3 >> 6 == 3,
            samples,
            sample_rate,
            len: usize::try_from(len).ok()?,
        })
    }
}

/// The first offset where a frame header is followed by another one, so a stray `FF Ex` byte
/// pair in leftover tag bytes is not taken for audio.
fn first_frame(bytes: &[u8]) -> Option<usize> {
    (0..bytes.len().saturating_sub(4)).find(|&i| {
        FrameHeader::parse(&bytes[i..]).is_some_and(|h| {
            bytes
                .get(i + h.len..)
                .and_then(FrameHeader::parse)
                .is_some_and(|next| next.sample_rate == h.sample_rate)
        })
    })
}

/// The frame count of a Xing/Info header (in the first frame, after the side information) or a
/// VBRI header (32 bytes after the frame header), when it has one.
fn vbr_frame_count(frame: &[u8], h: &FrameHeader) -> Option<u32> {
    let side_info = match (h.mpeg1, h.mono) {
        (true, false) => 32,
        (true, true) | (false, false) => 17,
        (false, true) => 9,
    };
    let be = |at: usize| -> Option<u32> {
        let b: [u8; 4] = frame.get(at..at + 4)?.try_into().ok()?;
        Some(u32::from_be_bytes(b))
    };
    let xing = 4 + side_info;
    match frame.get(xing..xing + 4) {
        Some(b"Xing") | Some(b"Info") if be(xing + 4)? & 1 != 0 => {
            return be(xing + 8).filter(|&n| n > 0)
        }
        _ => {}
    }
    (frame.get(36..40) == Some(b"VBRI"))
        .then(|| be(36 + 14))
        .flatten()
        .filter(|&n| n > 0)
}

/// Counts frames from `start` until the bytes stop being frames (the end, an ID3v1 or APE tag).
fn walk(bytes: &[u8], start: usize) -> u64 {
    let mut at = start;
    let mut count = 0;
    while let Some(h) = bytes.get(at..).and_then(FrameHeader::parse) {
        count += 1;
        at += h.len.max(1);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream of `n` MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz, stereo, no padding: 417
    /// bytes and 1152 samples each.
    fn cbr(n: usize) -> Vec<u8> {
        let mut frame = vec![0u8; 417];
        frame[..4].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x00]);
        frame.repeat(n)
    }

    #[test]
    fn counts_frames_of_constant_bitrate_audio() {
        // 100 frames × 1152 / 44100 s = 2.612 s.
        assert_eq!(duration_ms(&cbr(100)), Some(2612));
        let mut with_junk_and_id3v1 = b"\0\0junk".to_vec();
        with_junk_and_id3v1.extend(cbr(100));
        with_junk_and_id3v1.extend(b"TAG");
        with_junk_and_id3v1.extend([0u8; 125]);
        assert_eq!(duration_ms(&with_junk_and_id3v1), Some(2612));
    }

    #[test]
    fn reads_a_xing_frame_count() {
        let mut audio = cbr(3);
        audio[36..40].copy_from_slice(b"Xing");
        audio[40..44].copy_from_slice(&1u32.to_be_bytes());
        audio[44..48].copy_from_slice(&1000u32.to_be_bytes());
        assert_eq!(duration_ms(&audio), Some(26_122));
    }

    #[test]
    fn no_audio_no_duration() {
        assert_eq!(duration_ms(b""), None);
        assert_eq!(duration_ms(&[0xFF, 0xFB, 0x90, 0x00]), None);
        assert_eq!(duration_ms(&[0xFF; 64]), None);
    }
}
