#!/usr/bin/env bash
# Every same-run table of docs/performance.md's "Quiet-machine tables" in one go (about 25 minutes on 2 cores), each
# probe's output saved under results/<date>/: the family forward against TorchSharp and TensorPrimitives, the family
# backward against libtorch's autograd, the along-a-dim and gated units, scoped Forward, the training step, and what
# libtorch's speed buys in accuracy. Run it on an otherwise idle machine: the probes keep each side's fastest round,
# which hides noise but not a second core that is busy.
# Needs: dotnet restore here and ../../../../shared/tools/torchsharp-natives.sh once per machine.
set -euo pipefail
cd "$(dirname "$0")"
out="results/$(date -u +%Y-%m-%dT%H%M)"
mkdir -p "$out"
dotnet build -c Release -v q -nologo | tail -n 2
lscpu | grep -E 'Model name|^CPU\(s\)|Flags' | sed 's/Flags:.*avx512f.*/AVX-512: yes/' > "$out/machine.txt"
run() { name=$1; shift; echo "== $name"; env "$@" | tee "$out/$name.txt"; }
family=relu,sigmoid,tanh,gelu-tanh,gelu-exact,leakyrelu,elu,celu,selu,silu,mish,softplus,softsign,logsigmoid,hardtanh,relu6,hardsigmoid,hardswish,hardshrink,softshrink,tanhshrink,threshold,squaredrelu,prelu,rrelu
run forward PEER_KEYS=$family PEER_THREADS=1,2 dotnet bin/Release/net10.0/TorchSharpPeer.dll --min 20
run backward PEER_KEYS=$family PEER_THREADS=1,2 dotnet bin/Release/net10.0/TorchSharpPeer.dll --min-backward 20
run dim PEER_KEYS=softmax,logsoftmax,glu,swiglu,geglu,reglu PEER_SHAPES=32x1000,256x1000,1024x1024,16384x1024,64x1024x16@1,1024x1024@0 PEER_THREADS=1,2 dotnet bin/Release/net10.0/TorchSharpPeer.dll --min-dim 20
run relu-inplace PEER_KEYS=relu-inplace PEER_THREADS=1,2 dotnet bin/Release/net10.0/TorchSharpPeer.dll --min 20
run scoped PEER_THREADS=1,2 dotnet bin/Release/net10.0/TorchSharpPeer.dll --min-scoped 20
run train PEER_THREADS=1,2 dotnet bin/Release/net10.0/TorchSharpPeer.dll --min-train 15
run accuracy dotnet bin/Release/net10.0/TorchSharpPeer.dll --peer-accuracy
echo "saved in $out"
