#!/bin/bash
# judge-crop.sh MODEL.zip NAME : the rule's folders, lung-cropped, classified with MODEL into /work/runs/s24/judge/NAME
set -e
cd /work/runs/s28/lung
M=$1; N=$2; O=/work/runs/s24/judge/$N; mkdir -p $O; C=/work/staging/lungcrop
declare -A F=( [cxc]=$C/chestxray-com [jsrt]=$C/jsrt [am-normal]=$C/external/actualmed/Normal
  [fig1-covid]=$C/external/figure1/COVID [am-covid]=$C/external/actualmed/COVID [hannover]=$C/external/hannover-mhh/COVID )
for k in "${!F[@]}"; do
  java -jar lunglens.jar classify --model $M --csv $O/$k.csv --force ${F[$k]} > $O/$k.out 2> $O/$k.err
done
