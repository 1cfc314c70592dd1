#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes ui/lotsen-chime.wav, the call display's chime: two soft bell tones
# (E5 then C5) with overtones, fading out.  16 kHz mono, 16-bit.
#   python3 build-aux/make-chime.py ui/lotsen-chime.wav
import math
import struct
import sys
import wave

RATE = 16000


def bell(freq, start, length, samples):
    for i in range(int(length * RATE)):
        t = i / RATE
        envelope = min(1.0, t / 0.01) * math.exp(-4.0 * t)
        value = (math.sin(2 * math.pi * freq * t)
                 + 0.4 * math.sin(2 * math.pi * 2 * freq * t)
                 + 0.15 * math.sin(2 * math.pi * 3 * freq * t))
        j = int(start * RATE) + i
        if j < len(samples):
            samples[j] += 0.3 * envelope * value


def main():
    samples = [0.0] * int(1.1 * RATE)
    bell(659.25, 0.0, 0.9, samples)
    bell(523.25, 0.35, 0.75, samples)
    with wave.open(sys.argv[1], 'wb') as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b''.join(struct.pack('<h', int(max(-1.0, min(1.0, s)) * 32000)) for s in samples))


if __name__ == '__main__':
    main()
